#include "tools/console/html.h"

namespace lpsync::console {
namespace {

constexpr std::string_view kStyle = R"css(
body{font-family:system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:.8rem 1rem}
header a{color:#fff}
main{max-width:52rem;margin:0 auto;padding:1rem}
form.box,section{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:1rem;margin:1rem 0}
label{display:block;margin:.6rem 0 .2rem}
input[type=password],input[type=text],input[type=number],input[type=url],select{width:100%;max-width:24rem;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:.8rem;padding:.5rem 1rem;font-size:1rem}
:focus{outline:3px solid #2f6fed;outline-offset:2px}
.error{color:#a40e26}
.note{color:#555}
table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.4rem;border-bottom:1px solid #e3e6eb}
.setting{margin:.8rem 0}
.setting input[type=checkbox]{width:1.2rem;height:1.2rem;vertical-align:middle}
.setting input[type=checkbox]+label{display:inline;margin-left:.4rem;font-weight:600}
.setting .note{margin:.2rem 0 0}
progress{width:100%;height:1.4rem}
.ok{color:#17662f}
.steps{color:#555}
form.inline{display:inline;margin:0}
form.inline button{margin:0;padding:.2rem .6rem}
pre{white-space:pre-wrap;word-break:break-word;font-size:.85rem}
.table{overflow-x:auto}
.held{border-bottom:1px solid #e3e6eb;padding:.4rem 0 .8rem}
.held p{margin:.3rem 0}
svg.chart{display:block;max-width:100%;height:auto;background:#f0f2f5;fill:#2f6fed}
)css";

// Live figures, progressively: a page that shows work under way (<main data-refresh>) fetches
// itself again every 2 s and swaps in each `data-live` part that changed, so what a person is
// typing or has the focus on elsewhere stays. Without script, the <noscript> refresh reloads
// the whole page instead.
constexpr std::string_view kScript = R"js(
(function () {
  var main = document.querySelector("main[data-refresh]");
  if (!main) return;
  var every = 1000 * Number(main.getAttribute("data-refresh"));
  function tick() {
    fetch(location.href, {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live][id]").forEach(function (part) {
          var next = fresh.getElementById(part.id);
          if (next && next.innerHTML !== part.innerHTML) part.replaceWith(document.importNode(next, true));
        });
        var freshMain = fresh.querySelector("main");
        if (freshMain && freshMain.hasAttribute("data-refresh")) setTimeout(tick, every);
      })
      .catch(function () { setTimeout(tick, 5 * every); });
  }
  setTimeout(tick, every);
})();
)js";

}  // namespace

Response script() {
  Response r;
  r.status = 200;
  r.headers.set("Content-Type", "text/javascript; charset=utf-8");
  r.headers.set("Cache-Control", "no-store");
  r.headers.set("X-Content-Type-Options", "nosniff");
  r.body = std::string(kScript);
  return r;
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Response page(int status, std::string_view title, const std::string& body, int refresh_seconds) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", "text/html; charset=utf-8");
  r.headers.set("Cache-Control", "no-store");
  r.headers.set("X-Frame-Options", "DENY");
  r.headers.set("X-Content-Type-Options", "nosniff");
  // Not no-referrer: with it a browser sends "Origin: null" on form posts, which the origin
  // check must refuse.
  r.headers.set("Referrer-Policy", "same-origin");
  r.headers.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; "
                "frame-ancestors 'none'");
  r.body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
           (refresh_seconds > 0 ? "<noscript><meta http-equiv=\"refresh\" content=\"" +
                                      std::to_string(refresh_seconds) + "\"></noscript><script src=\"/app.js\" defer></script>"
                                : std::string()) +
           "<title>" +
           escape(title) + " - lpsync</title><style>" + std::string(kStyle) +
           "</style></head><body><header><strong>lpsync</strong> console</header><main" +
           (refresh_seconds > 0 ? " data-refresh=\"" + std::to_string(refresh_seconds) + "\"" : std::string()) + ">" + body +
           "</main></body></html>";
  return r;
}

Response redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.headers.set("Location", location);
  r.headers.set("Cache-Control", "no-store");
  r.headers.set("Content-Type", "text/plain");
  return r;
}

}  // namespace lpsync::console
