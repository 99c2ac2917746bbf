// Keeps the queue current: asks the portal for tickets changed since the last cursor (the desk's changesSince)
// every few seconds and updates or adds their rows, without reloading the page.
(function () {
    var table = document.getElementById('queue');
    var status = document.getElementById('live-status');
    var body = table.querySelector('tbody');
    var cursor = table.getAttribute('data-cursor');
    var url = table.getAttribute('data-changes-url');
    var ticketUrl = table.getAttribute('data-ticket-url');
    var insert = table.getAttribute('data-live-insert') === 'true';
    var columns = ['number', 'subject', 'requester', 'category', 'priority', 'status', 'assignee', 'sla', 'updated'];

    function cell(row, ticket, name) {
        var td = document.createElement('td');
        if (name === 'number') {
            var a = document.createElement('a');
            a.href = ticketUrl + encodeURIComponent(ticket.number);
            a.textContent = ticket.number;
            td.appendChild(a);
        } else if (name === 'sla') {
            var span = document.createElement('span');
            span.className = 'badge ' + ticket.slaCss;
            span.textContent = ticket.sla;
            td.appendChild(span);
        } else {
            td.textContent = ticket[name];   // always text: subjects are whatever people typed
            td.className = name;
        }
        row.appendChild(td);
    }

    function show(ticket) {
        var existing = body.querySelector('tr[data-number="' + CSS.escape(ticket.number) + '"]');
        if (!existing && !insert) {
            status.textContent = 'New tickets arrived: apply the filters again to see them.';
            return;
        }
        var row = document.createElement('tr');
        row.setAttribute('data-number', ticket.number);
        row.className = 'fresh';
        columns.forEach(function (name) { cell(row, ticket, name); });
        if (existing) {
            body.replaceChild(row, existing);
        } else {
            body.insertBefore(row, body.firstChild);
        }
    }

    function poll() {
        fetch(url + '?cursor=' + encodeURIComponent(cursor), {headers: {'Accept': 'application/json'},
            credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) { throw new Error('status ' + response.status); }
                return response.json();
            })
            .then(function (feed) {
                feed.tickets.forEach(show);
                cursor = feed.cursor;
                status.textContent = 'Live: updated ' + new Date().toLocaleTimeString();
                setTimeout(poll, feed.more ? 100 : 2000);
            })
            .catch(function () {
                status.textContent = 'Live updates paused (the portal did not answer); retrying.';
                setTimeout(poll, 5000);
            });
    }
    setTimeout(poll, 2000);
})();
