// The sites map: a bundled schematic outline of Iran's provinces and the case's sites, drawn with
// Leaflet and no tile server. The table under the map lists the same sites without JavaScript.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var map = L.map(el, { attributionControl: true, zoomSnap: 0.25 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Schematic outline, not legal boundaries");
  function popup(lines) {
    var div = document.createElement("div");
    lines.forEach(function (text, i) {
      if (!text) { return; }
      var p = document.createElement(i === 0 ? "strong" : "div");
      p.textContent = text;  // never innerHTML: names come from users
      div.appendChild(p);
    });
    return div;
  }
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(url + ": " + r.status); } return r.json(); });
  }
  getJSON(el.dataset.outline).then(function (outline) {
    var layer = L.geoJSON(outline, {
      style: function (f) {
        return f.properties.outline
          ? { color: "#7a1f2b", weight: 2, fill: false }
          : { color: "#8a96a3", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 };
      },
      onEachFeature: function (f, l) {
        if (f.properties.province) {
          l.bindTooltip(document.documentElement.lang === "fa" ? f.properties.province_persian : f.properties.province);
        }
      }
    }).addTo(map);
    map.fitBounds(layer.getBounds());
    return getJSON(el.dataset.sites);
  }).then(function (sites) {
    L.geoJSON(sites, {
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 7, color: "#7a1f2b", weight: 2, fillColor: "#c0392b", fillOpacity: 0.8 });
      },
      style: function () { return { color: "#c0392b", weight: 2 }; },
      onEachFeature: function (f, l) {
        var p = f.properties || {};
        l.bindPopup(popup([p.name || p.label, p.site_type, p.place, p.coordinate_precision]));
      }
    }).addTo(map);
    el.dataset.loaded = "true";
  }).catch(function (err) { el.dataset.error = String(err); });
})();
