// Every htmx request carries the CSRF token the page was rendered with (meta tags _csrf and _csrf_header):
// the server refuses any change without it, and takes an upload's token from this header only.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});
