// Draws the analytics page's charts from /admin/analytics/charts (same period as the page) with Chart.js,
// which the portal serves itself. The page's tables hold the same figures for those who cannot see the charts.
(function () {
    'use strict';
    var holder = document.getElementById('charts');
    if (!holder || typeof Chart === 'undefined') {
        return;
    }
    var palette = ['#0b6bcb', '#25d366', '#f0b429', '#b42318', '#7b61ff', '#52606d', '#00a3bf', '#e56b6f'];
    var options = { responsive: true, animation: false, maintainAspectRatio: true };
    // Counts: whole numbers on the value axis, every label a category (a word such as "500" stays a word)
    var counts = Object.assign({}, options, { scales: { x: { type: 'category' },
        y: { beginAtZero: true, ticks: { precision: 0 } } } });

    function draw(id, config) {
        var canvas = document.getElementById(id);
        if (canvas) {
            canvas.chart = new Chart(canvas, config);
            canvas.setAttribute('data-drawn', 'true');
        }
    }

    function series(label, data, color) {
        return { label: label, data: data, backgroundColor: color, borderColor: color };
    }

    fetch(holder.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.json();
        })
        .then(function (d) {
            draw('chart-channels', { type: 'doughnut', options: options, data: {
                labels: d.channelMix.labels,
                datasets: [{ data: d.channelMix.values, backgroundColor: palette }] } });
            draw('chart-requests', { type: 'bar', options: counts, data: {
                labels: d.requestsPerDay.labels,
                datasets: [series('Requests', d.requestsPerDay.values, palette[0])] } });
            var percentiles = ['p50', 'p90', 'p95', 'p99'];
            draw('chart-response', { type: 'bar', options: options, data: {
                labels: d.responseTimes.map(function (m) { return m.measure + ' (' + m.count + ')'; }),
                datasets: percentiles.map(function (p, i) {
                    return series(p, d.responseTimes.map(function (m) { return m.hours[i]; }), palette[i]);
                }) } });
            draw('chart-sla', { type: 'bar', options: Object.assign({}, options, { scales: {
                    x: { type: 'category', stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } }), data: {
                labels: d.sla.map(function (s) { return s.target; }),
                datasets: [series('Met', d.sla.map(function (s) { return s.met; }), palette[1]),
                           series('Missed', d.sla.map(function (s) { return s.breached; }), palette[3])] } });
            draw('chart-backlog', { type: 'bar', options: counts, data: {
                labels: d.backlog.labels,
                datasets: [series('Open tickets', d.backlog.values, palette[2])] } });
            draw('chart-words', { type: 'bar', options: counts, data: {
                labels: d.commonWords.labels,
                datasets: [series('Requests using the word', d.commonWords.values, palette[4])] } });
            holder.setAttribute('data-ready', 'true');
        })
        .catch(function (e) {
            var p = document.createElement('p');
            p.className = 'error';
            p.id = 'charts-error';
            p.textContent = 'The charts could not be loaded (' + e.message + '); the tables below hold the figures.';
            holder.insertBefore(p, holder.firstChild);
        });
}());
