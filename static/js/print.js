// Buttons marked data-print print the page (inline handlers are refused by the pages' CSP).
(function () {
  'use strict';
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
