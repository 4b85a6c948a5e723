// Words the pages’ scripts share with the server-rendered pages: a language’s name, channels,
// kinds, lists (the js-words- messages, in the page’s language). The server
// names the languages it offers in a <datalist id="known-languages"> (option value: the name,
// text: the code), so a language reads the same on every page; any other falls back to the
// browser’s own name for it, then to its code.
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

  /** Items as the page’s language lists them ("a, b"; "a、b"; "a، b"). */
  function list(items) {
    return items.join(relaymapT('js-words-list-separator'));
  }

  /** A channel in words, as the server’s pages say them (src/http/pages/words.rs); an unknown
   * name as it is. */
  function channelWord(channel) {
    switch (channel) {
      case 'in_person': return relaymapT('js-words-channel-in-person');
      case 'phone': return relaymapT('js-words-channel-phone');
      case 'sms': return relaymapT('js-words-channel-sms');
      case 'whatsapp': return relaymapT('js-words-channel-whatsapp');
      case 'radio': return relaymapT('js-words-channel-radio');
      case 'social_media': return relaymapT('js-words-channel-social-media');
      case 'email': return relaymapT('js-words-channel-email');
      default: return channel;
    }
  }
  function channelWords(channels) {
    return list((channels || []).map(channelWord));
  }

  /** An actor kind in words ("Migrant"); an unknown kind as it is. */
  function kindWord(kind) {
    switch (kind) {
      case 'migrant': return relaymapT('js-words-kind-migrant');
      case 'organisation': return relaymapT('js-words-kind-organisation');
      case 'responder': return relaymapT('js-words-kind-responder');
      case 'city': return relaymapT('js-words-kind-city');
      default: return kind;
    }
  }

  window.relaymapWords = {
    languageName: languageName, channelWords: channelWords, channelWord: channelWord, kindWord: kindWord, list: list,
  };
})();
