/* Offline build only: make every plain word of a search required, so more words narrow the result.
   Material's lunr search ORs the words and adds a trailing wildcard, which also skips the Danish stemmer
   ("asperger*" never meets the stemmed "asperg"). A required word ("+asperger") is stemmed and ANDed.
   Wraps the Worker that Material creates for its search (message type 2 is a query); loaded after the
   iframe-worker shim, so it wraps whichever Worker the page uses. */
(function () {
  "use strict";
  var Base = window.Worker;
  if (!Base) return;
  function required(query) {
    return query.trim().split(/\s+/).map(function (term) {
      return /^[+\-~^]|[*:"]/.test(term) || !term ? term : "+" + term;
    }).join(" ");
  }
  function Worker(url, options) {
    var worker = new Base(url, options);
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string")
        message = { type: 2, data: required(message.data) };
      return post.apply(worker, [message].concat([].slice.call(arguments, 1)));
    };
    return worker;
  }
  Worker.prototype = Base.prototype;
  window.Worker = Worker;
})();
