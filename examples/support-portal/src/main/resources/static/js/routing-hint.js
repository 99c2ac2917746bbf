// Asks the portal which channel suits the ticket form's text, a moment after the provider stops typing.
(function () {
    var script = document.getElementById('routing-hint-script');
    var url = script.getAttribute('data-hint-url');
    var form = document.getElementById('ticket-form');
    var box = document.getElementById('routing-hint');
    var text = document.getElementById('routing-hint-text');
    var reason = document.getElementById('routing-hint-reason');
    var link = document.getElementById('routing-hint-link');
    var timer = null;
    var lastQuery = '';

    function ask() {
        var params = new URLSearchParams();
        params.set('subject', form.querySelector('[name=subject]').value);
        params.set('body', form.querySelector('[name=body]').value);
        params.set('category', form.querySelector('[name=category]').value);
        var query = params.toString();
        if (query === lastQuery) {
            return;
        }
        lastQuery = query;
        fetch(url + '?' + query, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (hint) {
                if (!hint || hint.channel === 'NONE') {
                    box.hidden = true;
                    return;
                }
                box.hidden = false;
                box.className = 'hint ' + hint.channel.toLowerCase();
                box.setAttribute('data-channel', hint.channel);
                text.textContent = hint.hint;          // textContent: the reason may quote the provider's words
                reason.textContent = hint.reason ? 'Why: ' + hint.reason : '';
                if (hint.chatLink) {
                    link.href = hint.chatLink;
                    link.hidden = false;
                } else {
                    link.hidden = true;
                }
            })
            .catch(function () { box.hidden = true; });
    }

    form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(ask, 400);
    });
    if (form.querySelector('[name=subject]').value || form.querySelector('[name=body]').value) {
        ask();
    }
})();
