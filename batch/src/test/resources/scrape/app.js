document.addEventListener('DOMContentLoaded', function () {
  var html = '<h1>Rendered by app.js</h1>';
  for (var i = 1; i <= 15; i++) {
    html += '<p>Paragraph ' + i + ' was written by an external script that the guarded connection fetched.</p>';
  }
  document.getElementById('app').innerHTML = html;
});
