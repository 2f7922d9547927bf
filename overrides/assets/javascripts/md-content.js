/* Material 9.8.1 partials/javascripts/content.html, moved out of the page for CSP (unchanged;
 * the content.tabs.link part is left out: the feature is off). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
