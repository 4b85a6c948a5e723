//! The translations: every message a template, a script or the code asks for is in every
//! shipped locale, and no locale holds a message that nothing asks for; pages speak the
//! language asked for, with `lang` and `dir` set.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use relaymap::i18n::{SCRIPT_PREFIX, catalog};
use reqwest::StatusCode;

fn files(folder: &str, extension: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The message ids a text asks for by a call: `t("id"`, `t1("id"`, `t2("id"` (templates and
/// code), `relaymapT('id'` and `relaymapT.plural('id'` (scripts; a plural asks for `id-other`).
fn asked(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (opening, plural) in [
        (".t(\"", false),
        (".t1(\"", false),
        (".t2(\"", false),
        ("relaymapT('", false),
        ("relaymapT(\"", false),
        ("relaymapT.plural('", true),
        ("relaymapT.plural(\"", true),
    ] {
        for (at, _) in text.match_indices(opening) {
            let rest = &text[at + opening.len()..];
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            // Every message id has a `-` (`signin-title`); the library's own examples are left out.
            if id.contains('-') {
                out.insert(if plural { format!("{id}-other") } else { id });
            }
        }
    }
    out
}

/// Every quoted literal of a text that could be a message id (tables of ids count as uses):
/// a quote, id characters, the same quote (an apostrophe in a comment breaks nothing).
fn literals(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    for (at, quote) in bytes.iter().enumerate() {
        if *quote != b'"' && *quote != b'\'' {
            continue;
        }
        let id: String = text[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        if !id.is_empty() && id.len() < 80 && bytes.get(at + 1 + id.len()) == Some(quote) {
            out.insert(id);
        }
    }
    out
}

#[test]
fn every_message_asked_for_is_in_every_locale_and_every_message_is_asked_for() {
    let mut asked_for: BTreeMap<String, String> = BTreeMap::new();
    let mut mentioned: BTreeSet<String> = BTreeSet::new();
    let mut plural_stems: BTreeSet<String> = BTreeSet::new();
    let sources = [
        files("templates", "html"),
        files("src", "rs"),
        files("static/js", "js"),
    ];
    for path in sources.iter().flatten() {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.display().to_string();
        let library = path.ends_with("src/i18n.rs");
        for id in asked(&text).into_iter().filter(|_| !library) {
            asked_for.entry(id).or_insert_with(|| name.clone());
        }
        mentioned.extend(literals(&text));
        for opening in ["relaymapT.plural('", "relaymapT.plural(\""] {
            for (at, _) in text.match_indices(opening) {
                let stem: String = text[at + opening.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                plural_stems.insert(format!("{stem}-"));
            }
        }
    }
    assert!(
        asked_for.len() > 10,
        "the scan finds the pages' messages: {asked_for:?}"
    );

    let mut problems = Vec::new();
    for locale in catalog().locales() {
        for error in locale.syntax_errors() {
            problems.push(format!("locales/{}/{error}", locale.tag));
        }
        for (id, source) in &asked_for {
            if !locale.has(id) {
                problems.push(format!(
                    "{id} (asked for in {source}) is missing from locales/{}",
                    locale.tag
                ));
            }
        }
        for id in locale.ids() {
            let used = mentioned.contains(id)
                || id == "locale-name"
                || plural_stems
                    .iter()
                    .any(|stem| id.starts_with(stem.as_str()));
            if !used {
                problems.push(format!("locales/{}: {id} is used by nothing", locale.tag));
            }
            let plural_form = plural_stems
                .iter()
                .any(|stem| id.starts_with(stem.as_str()));
            if id.starts_with(SCRIPT_PREFIX) && !plural_form && !catalog().default_locale().has(id)
            {
                problems.push(format!("locales/{}: {id} is not in English", locale.tag));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[tokio::test]
async fn pages_speak_the_language_chosen_else_the_browsers_and_arabic_runs_right_to_left() {
    let app = crate::helpers::spawn_app().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = |accept: &'static str, cookie: Option<&'static str>| {
        let mut request = client
            .get(app.url("/signin"))
            .header("accept", "text/html")
            .header("accept-language", accept);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let english = page("de-DE, en;q=0.1", None).await;
    assert!(
        english.contains("<html lang=\"en\" dir=\"ltr\">"),
        "{english}"
    );
    let arabic = page("ar-EG,ar;q=0.9", None).await;
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        !arabic.contains(">Sign in<"),
        "the Arabic sign-in page has no English button"
    );
    let chosen = page("ar", Some("relaymap_locale=ja")).await;
    assert!(chosen.contains("<html lang=\"ja\" dir=\"ltr\">"));

    // The switch keeps the choice and goes back; a language that is not shipped is refused.
    let response = client
        .post(app.url("/language"))
        .form(&[("locale", "fr"), ("back", "/signin?next=%2Fmap")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/signin?next=%2Fmap");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("relaymap_locale=fr;"), "{cookie}");
    for (locale, back) in [("de", "/"), ("fr", "https://evil.example/")] {
        let response = client
            .post(app.url("/language"))
            .form(&[("locale", locale), ("back", back)])
            .send()
            .await
            .unwrap();
        if locale == "de" {
            assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        } else {
            assert_eq!(response.headers()["location"], "/", "never elsewhere");
        }
    }
}
