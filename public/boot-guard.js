// OneMap boot guard: a plain (non-module) script that runs before the app. If a JS file of the app
// cannot be loaded (a redeploy replaced it, the connection dropped), the app never starts and the
// page would stay white; this says so in plain words, in both languages, with a reload button.
// DOM text only (no innerHTML). Once the app has mounted, the app's own prompt takes over.
(function () {
  var shown = false;
  function show() {
    var root = document.getElementById('root');
    if (shown || (root && root.childElementCount > 0)) return;
    shown = true;
    var box = document.createElement('div');
    box.className = 'boot-failed';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'boot-failed');
    box.style.cssText = 'max-width:520px;margin:15vh auto;padding:16px 20px;font:15px/1.6 sans-serif;border-left:4px solid #c8303a;background:#fff;box-shadow:0 2px 12px rgba(0,0,0,.2)';
    var zh = document.createElement('p');
    zh.textContent = '应急一张图的部分文件无法加载（应用可能已更新，或网络中断）。';
    var en = document.createElement('p');
    en.textContent = 'Part of OneMap could not be loaded (the app may have been updated, or the connection dropped).';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = '重新加载 / Reload';
    button.setAttribute('data-testid', 'boot-reload');
    button.onclick = function () {
      window.location.reload();
    };
    box.appendChild(zh);
    box.appendChild(en);
    box.appendChild(button);
    (root || document.body).appendChild(box);
  }
  window.addEventListener(
    'error',
    function (event) {
      var t = event.target;
      if (t && (t.tagName === 'SCRIPT' || (t.tagName === 'LINK' && /preload/.test(t.rel)))) show();
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (event) {
    var m = String((event.reason && event.reason.message) || event.reason);
    if (/dynamically imported module|Importing a module script failed/i.test(m)) show();
  });
})();
