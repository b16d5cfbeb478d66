// Name boxes that search as you type: suggestions come from /search.json of this server, written with textContent.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(boxes, function (box) {
    var list = document.getElementById(box.getAttribute("list"));
    if (!list) return;
    var timer = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      var q = box.value.trim();
      if (q.length < 1) return;
      timer = setTimeout(function () {
        fetch("/search.json?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { entities: [] }; })
          .then(function (data) {
            while (list.firstChild) list.removeChild(list.firstChild);
            data.entities.forEach(function (hit) {
              var option = document.createElement("option");
              option.value = hit.title;
              option.textContent = hit["class"] ? hit.title + " · " + hit["class"] : hit.title;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });
})();
