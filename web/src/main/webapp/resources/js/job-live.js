/* The live log and progress of one job, from its Server-Sent Events stream (the session cookie authenticates).
   Lines are added as text nodes, never as HTML: a log line is data. EventSource resumes with Last-Event-ID. */
var zemoLog = (function () {
  var order = {DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3};
  var min = 1;
  function level(v) {
    min = order[v] === undefined ? 1 : order[v];
    var lines = document.querySelectorAll('#log .line');
    for (var i = 0; i < lines.length; i++) {
      lines[i].style.display = (order[lines[i].dataset.level] || 0) >= min ? '' : 'none';
    }
  }
  function add(l) {
    var log = document.getElementById('log');
    if (!log) { return; }
    var span = document.createElement('span');
    span.className = 'line level-' + l.level;
    span.dataset.level = l.level;
    span.textContent = (l.at || '').replace('T', ' ').substring(0, 19) + '  ' + l.level + '  ' + (l.node || '') + '  '
        + (l.step ? '[' + l.step + '] ' : '') + l.message + '\n';
    if ((order[l.level] || 0) < min) { span.style.display = 'none'; }
    log.appendChild(span);
    log.scrollTop = log.scrollHeight;
  }
  function progress(p) {
    var fill = document.getElementById('progress-fill');
    var text = document.getElementById('progress-text');
    var status = document.getElementById('status');
    if (fill && p.progress) { fill.style.width = p.progress.percent + '%'; }
    if (text && p.progress) {
      text.textContent = p.progress.done + ' / ' + (p.progress.total == null ? '?' : p.progress.total) + ' · ' + (p.currentStep || '');
    }
    if (status) { status.textContent = p.status; status.className = 'status status-' + p.status; }
    // the stop/cancel buttons were rendered for a job that was still queued or running
    if (['completed', 'failed', 'stopped', 'canceled'].indexOf(p.status) >= 0) {
      var stale = document.querySelectorAll('[id="job:stop"], [id="job:cancel"]');
      for (var i = 0; i < stale.length; i++) { stale[i].style.display = 'none'; }
    }
  }
  function start(ctx, id) {
    if (!id || !window.EventSource) { return; }
    var es = new EventSource(ctx + '/api/v1/jobs/' + id + '/events');
    es.addEventListener('log', function (e) { add(JSON.parse(e.data)); });
    es.addEventListener('progress', function (e) {
      var p = JSON.parse(e.data);
      progress(p);
      if (['completed', 'failed', 'stopped', 'canceled'].indexOf(p.status) >= 0) { es.close(); }
    });
  }
  return {start: start, level: level};
})();
