// Words the pages' scripts share with the server-rendered pages: a language's name, channels. The server
// names the languages it offers in a <datalist id="known-languages"> (option value: the name,
// text: the code), so a language reads the same on every page; any other falls back to the
// browser's own name for it, then to its code.
(function () {
  'use strict';
  let known = null;
  const browserNames = (function () {
    try { return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }); } catch (e) { return null; }
  })();

  function languageName(code) {
    if (!code) return '';
    if (!known) {
      known = new Map();
      document.querySelectorAll('#known-languages option').forEach(function (option) {
        known.set(option.textContent.trim(), option.value);
      });
    }
    if (known.has(code)) return known.get(code);
    try { return (browserNames && browserNames.of(code)) || code; } catch (e) { return code; }
  }

  // As the server's pages say them (src/http/pages/words.rs).
  const CHANNEL_WORDS = { in_person: 'In person', phone: 'Phone', sms: 'SMS', whatsapp: 'WhatsApp', radio: 'Radio', social_media: 'Social media', email: 'Email' };
  function channelWords(channels) {
    return (channels || []).map(function (c) { return CHANNEL_WORDS[c] || c; }).join(', ');
  }

  window.relaymapWords = { languageName: languageName, channelWords: channelWords };
})();
