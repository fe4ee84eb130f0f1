import Crypto
import Foundation

/// The page's only style sheet and script, inline, allowed by the Content-Security-Policy through their SHA-256.
enum Assets {
  static let css = """
    *{box-sizing:border-box}
    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
    header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;background:#243b55;color:#fff}
    header a{color:#fff}
    header .who{margin-left:auto}
    header form{display:inline;margin:0}
    main{max-width:72rem;margin:0 auto;padding:1rem}
    h1{font-size:1.4rem;margin:.2rem 0 .8rem}
    h2{font-size:1.1rem;margin:1rem 0 .4rem}
    a{color:#1f5fbf}
    .card{background:#fff;border:1px solid #d8dde6;border-radius:8px;padding:1rem;margin-bottom:1rem}
    .grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem}
    @media (max-width:48rem){.grid{grid-template-columns:1fr}header .who{margin-left:0}}
    .record h2{font-size:1.25rem;margin-top:0}
    .meta{color:#555;font-size:.9rem}
    .abstract{white-space:pre-wrap}
    progress{display:block;width:100%;height:.6rem;margin:.3rem 0 .8rem;accent-color:#2e8b57}
    .verdicts{display:flex;gap:.5rem;flex-wrap:wrap;margin:.5rem 0}
    .verdicts label{flex:1 1 6rem;text-align:center;border:2px solid #c5ccd8;border-radius:6px;padding:.6rem;cursor:pointer}
    .verdicts input{position:absolute;opacity:0}
    .verdicts input:checked+span{font-weight:700}
    .verdicts label:has(input:checked){border-color:#243b55;background:#e8eef8}
    .criteria label{display:block;padding:.25rem 0}
    kbd{font:.8rem ui-monospace,monospace;border:1px solid #aab;border-radius:3px;padding:0 .3rem;background:#fff}
    textarea,input[type=text],input[type=password]{width:100%;font:inherit;padding:.45rem;border:1px solid #c5ccd8;border-radius:6px}
    button{font:inherit;padding:.55rem 1.2rem;border:0;border-radius:6px;background:#243b55;color:#fff;cursor:pointer}
    button kbd{background:transparent;color:inherit;border-color:#c5ccd8}
    header button{background:transparent;border:1px solid #fff;padding:.2rem .6rem}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e7ee;vertical-align:top}
    .error{background:#fdecea;border:1px solid #f5c2c0;color:#8a1c17;padding:.6rem;border-radius:6px}
    .notice{background:#eaf6ec;border:1px solid #bfe3c6;padding:.6rem;border-radius:6px}
    .prisma img{max-width:100%;height:auto;background:#fff}
    .help{color:#555;font-size:.85rem}
    """

  /// Keyboard shortcuts on the queue page: i / e / m choose the verdict, 1–9 toggle the numbered criteria (and choose
  /// exclude; i and m untick them), Enter saves. Typing in the note is left alone.
  static let js = """
    (function () {
      var form = document.getElementById("decide");
      if (!form) return;
      function pick(value) {
        var radio = form.querySelector('input[name="verdict"][value="' + value + '"]');
        if (radio) radio.checked = true;
      }
      document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        var target = event.target;
        if (target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text"))) return;
        var key = event.key;
        function clearReasons() {
          form.querySelectorAll('input[name="criteria"]').forEach(function (box) { box.checked = false; });
        }
        if (key === "i") { pick("include"); clearReasons(); event.preventDefault(); }
        else if (key === "e") { pick("exclude"); event.preventDefault(); }
        else if (key === "m") { pick("maybe"); clearReasons(); event.preventDefault(); }
        else if (key >= "1" && key <= "9") {
          var box = form.querySelector('input[data-key="' + key + '"]');
          if (box) { box.checked = !box.checked; pick("exclude"); event.preventDefault(); }
        } else if (key === "Enter") {
          if (form.querySelector('input[name="verdict"]:checked')) {
            event.preventDefault();
            if (form.requestSubmit) form.requestSubmit(); else form.submit();
          }
        }
      });
    })();
    """

  static let cssHash = hash(css)
  static let jsHash = hash(js)

  /// The Content-Security-Policy of every HTML page: nothing from elsewhere, only this style sheet and script.
  static let contentSecurityPolicy =
    "default-src 'none'; img-src 'self'; style-src '\(cssHash)'; script-src '\(jsHash)'; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"

  static func hash(_ text: String) -> String {
    "sha256-" + Data(Crypto.SHA256.hash(data: Data(text.utf8))).base64EncodedString()
  }
}
