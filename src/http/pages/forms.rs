//! What the pages' forms share: the values as typed (numbers and languages as people write
//! them in the interface language), and a refused change's errors next to the fields they are
//! about, in the page's own words and language (GOV.UK's error summary and error messages).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use crate::domain::{ActorKind, DomainError, Language, RowError, TieKind};
use crate::http::ApiError;
use crate::i18n::Tr;

/// A form's fields as typed, by name.
pub(crate) type Typed = HashMap<String, String>;

/// A field as typed, trimmed; empty when absent.
pub(crate) fn text(form: &Typed, name: &str) -> String {
    form.get(name)
        .map_or(String::new(), |v| v.trim().to_owned())
}

/// A form's list field: comma- or semicolon-separated, blanks dropped (as in the CSV files);
/// the commas of the interface languages count too (`、`, `،`), so a list shown in Japanese or
/// Arabic reads back.
pub(crate) fn list(raw: &str) -> Vec<String> {
    raw.split([',', ';', '、', '،', '؛', '，', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Why a form's change was refused: a message per field (the first for each), in the order the
/// form shows its fields, and those about nothing the form shows.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldErrors {
    by_field: BTreeMap<String, String>,
    other: Vec<String>,
}

impl FieldErrors {
    /// No error.
    pub(crate) fn none() -> Self {
        Self::default()
    }

    /// Whether nothing was refused.
    pub(crate) fn is_empty(&self) -> bool {
        self.by_field.is_empty() && self.other.is_empty()
    }

    /// Adds an error about a field of the form (the first one per field is kept).
    pub(crate) fn add(&mut self, field: &str, message: impl Into<String>) {
        self.by_field
            .entry(field.to_owned())
            .or_insert_with(|| message.into());
    }

    /// The error about a field, if any.
    pub(crate) fn of(&self, field: &str) -> Option<&str> {
        self.by_field.get(field).map(String::as_str)
    }

    /// Every message, for the summary at the top of the page: (field, message); the field is
    /// empty for what belongs to no field.
    pub(crate) fn summary(&self) -> Vec<(String, String)> {
        self.by_field
            .iter()
            .map(|(f, m)| (f.clone(), m.clone()))
            .chain(self.other.iter().map(|m| (String::new(), m.clone())))
            .collect()
    }

    /// The errors of a refused write, in the interface language, each put on the form's field
    /// of the same name, or on the field `rename` gives for it (`target` → `other`); an error
    /// that is not about a broken rule is passed on.
    pub(crate) fn of_refusal_in(
        tr: Tr,
        error: ApiError,
        rename: impl Fn(&str) -> Option<&'static str>,
        fields: &[&str],
    ) -> Result<Self, ApiError> {
        let mut errors = Self::none();
        let mut put = |field: &str, message: String| {
            let field = rename(field).unwrap_or(field);
            if fields.contains(&field) {
                errors.add(field, message);
            } else {
                errors.other.push(message);
            }
        };
        match error {
            ApiError::Invalid(rows) | ApiError::ImportRejected(rows) => {
                for RowError { field, error, .. } in rows {
                    put(&field, domain_error(tr, &error));
                }
            }
            ApiError::BadRequest {
                code,
                message,
                field,
            } => {
                put(
                    field.as_deref().unwrap_or(""),
                    service_error(tr, code, &message),
                );
            }
            error @ (ApiError::NotFound(_) | ApiError::Conflict(_)) => {
                errors.other.push(api_error(tr, &error));
            }
            other => return Err(other),
        }
        Ok(errors)
    }
}

/// A refused request's message for a page, in the interface language where relaymap knows its
/// words (the model's rules, the service's refusals about actors), else the API's English as
/// a sentence.
pub(crate) fn api_error(tr: Tr, error: &ApiError) -> String {
    match error {
        ApiError::Invalid(rows) | ApiError::ImportRejected(rows) => {
            let said: Vec<String> = rows.iter().map(|r| domain_error(tr, &r.error)).collect();
            if said.is_empty() {
                sentence(&error.to_string())
            } else {
                said.join(" ")
            }
        }
        ApiError::BadRequest { code, message, .. } => service_error(tr, code, message),
        ApiError::NotFound(what) => match what.split_once(' ') {
            Some(("actor", id)) => sentence(&tr.t1("form-error-actor-not-found", "id", id)),
            Some(("tie", id)) => sentence(&tr.t1("form-error-tie-not-found", "id", id)),
            _ => sentence(&error.to_string()),
        },
        other => sentence(&other.to_string()),
    }
}

/// A quoted value of an English message (`"x"`, as `{:?}` writes it), unquoted.
fn unquoted(quoted: &str) -> String {
    serde_json::from_str::<String>(quoted).unwrap_or_else(|_| {
        quoted
            .strip_prefix('"')
            .and_then(|q| q.strip_suffix('"'))
            .unwrap_or(quoted)
            .to_owned()
    })
}

/// A refusal of the service (a code and an English message) in words: those about finding an
/// actor by name and about merging records are translated, any other is the English sentence.
pub(crate) fn service_error(tr: Tr, code: &str, message: &str) -> String {
    let translated = match code {
        "missing_field" if message == "give the other actor's name or id" => {
            Some(tr.t("form-error-give-other"))
        }
        "unknown_actor" => {
            if let Some(rest) = message.strip_prefix("no actor is called exactly ") {
                rest.split_once("; did you mean ").map(|(typed, close)| {
                    tr.t2(
                        "form-error-no-actor-exactly",
                        ("name", unquoted(typed)),
                        ("close", close.strip_suffix('?').unwrap_or(close)),
                    )
                })
            } else if let Some(typed) = message.strip_prefix("no actor is called ") {
                Some(tr.t1("form-error-no-actor-called", "name", unquoted(typed)))
            } else {
                message
                    .strip_suffix(" is not in the network")
                    .map(|id| tr.t1("form-error-not-in-network", "id", id))
            }
        }
        "ambiguous_actor" => message
            .strip_prefix("several actors are called ")
            .and_then(|rest| rest.split_once(": give the id of the one you mean ("))
            .map(|(typed, listed)| {
                tr.t2(
                    "form-error-several-actors",
                    ("name", unquoted(typed)),
                    ("listed", listed.strip_suffix(')').unwrap_or(listed)),
                )
            }),
        "same_actor" if message == "an actor is not distinct from itself" => {
            Some(tr.t("form-error-self-distinct"))
        }
        "same_actor" if message == "an actor cannot be merged into itself" => {
            Some(tr.t("form-error-self-merge"))
        }
        "different_kinds" => different_kinds(tr, message),
        "city_merge" => Some(tr.t("form-error-city-merge")),
        _ => None,
    };
    sentence(&translated.unwrap_or_else(|| message.to_owned()))
}

/// "m-1 is a migrant and o-1 a organisation: only records of one kind are merged", in words.
fn different_kinds(tr: Tr, message: &str) -> Option<String> {
    let (kinds, _) = message.split_once(": only records of one kind are merged")?;
    let (from, rest) = kinds.split_once(" is a ")?;
    let (from_kind, rest) = rest.split_once(" and ")?;
    let (into, into_kind) = rest.split_once(" a ")?;
    let (from_kind, into_kind) = (
        ActorKind::parse(from_kind).ok()?,
        ActorKind::parse(into_kind).ok()?,
    );
    Some(tr.with(
        "form-error-different-kinds",
        [
            ("from", from.into()),
            ("into", into.into()),
            ("from_kind", from_kind.as_str().into()),
            ("into_kind", into_kind.as_str().into()),
            ("from_a_kind", super::words::a_kind(tr, from_kind).into()),
            ("into_a_kind", super::words::a_kind(tr, into_kind).into()),
        ],
    ))
}

/// What a tie kind may join, in words ("migrant to organisation").
pub(crate) fn tie_rule(tr: Tr, kind: TieKind) -> String {
    tr.t(match kind {
        TieKind::Knows => "form-tie-rule-knows",
        TieKind::MemberOf => "form-tie-rule-member-of",
        TieKind::PartnersWith => "form-tie-rule-partners-with",
        TieKind::Serves => "form-tie-rule-serves",
        TieKind::LocatedIn => "form-tie-rule-located-in",
    })
}

/// A broken rule of the model, as a sentence in the interface language (in English, the API's
/// message as a sentence).
pub(crate) fn domain_error(tr: Tr, error: &DomainError) -> String {
    use DomainError as E;
    let value = |v: &str| -> crate::i18n::Arg<'static> { v.to_owned().into() };
    let said = match error {
        E::InvalidId => tr.t("form-error-invalid-id"),
        E::UnknownActorKind(v) => tr.t1("form-error-unknown-actor-kind", "value", v),
        E::UnknownTieKind(v) => tr.t1("form-error-unknown-tie-kind", "value", v),
        E::EmptyName => tr.t("form-error-empty-name"),
        E::InvalidName => tr.t("form-error-invalid-name"),
        E::InvisibleName => tr.t("form-error-invisible-name"),
        E::BidiControl("a name") => tr.t("form-error-bidi-name"),
        E::BidiControl("a note") => tr.t("form-error-bidi-note"),
        E::BidiControl(_) => error.to_string(),
        E::InvalidLanguage(v) => tr.t1("form-error-invalid-language", "value", v),
        E::DuplicateLanguage(code) => tr.t2(
            "form-error-duplicate-language",
            ("code", code),
            ("name", tr.language(code)),
        ),
        E::UnknownChannel(v) => tr.t1("form-error-unknown-channel", "value", v),
        E::LatitudeOutOfRange => tr.t("form-error-latitude"),
        E::LongitudeOutOfRange => tr.t("form-error-longitude"),
        E::HalfLocation => tr.t("form-error-half-location"),
        E::TrustOutOfRange => tr.t("form-error-trust"),
        E::UnknownRole(v) => tr.t1("form-error-unknown-role", "value", v),
        E::InvalidLabel => tr.t("form-error-invalid-label"),
        E::NotANumber(v) => tr.t1("form-error-not-a-number", "value", v),
        E::NotABoolean(v) => tr.t1("form-error-not-a-boolean", "value", v),
        E::InvalidDate(v) => tr.t1("form-error-invalid-date", "value", v),
        E::InvalidTimestamp(v) => tr.t1("form-error-invalid-timestamp", "value", v),
        E::AttributesNotObject => tr.t("form-error-attributes-not-object"),
        E::AttributesTooLarge => tr.t("form-error-attributes-too-large"),
        E::NoteTooLong => tr.t("form-error-note-too-long"),
        E::Missing => tr.t("form-error-missing"),
        E::SelfTie => tr.t("form-error-self-tie"),
        E::KindMismatch {
            kind,
            source_kind,
            target_kind,
            ..
        } => tr.with(
            "form-error-kind-mismatch",
            [
                ("kind", value(kind.as_str())),
                ("source", value(source_kind.as_str())),
                ("target", value(target_kind.as_str())),
                ("rule", value(&tie_rule(tr, *kind))),
                ("tie", value(&super::words::tie_kind(tr, *kind))),
                ("a_source", value(&super::words::a_kind(tr, *source_kind))),
                ("a_target", value(&super::words::a_kind(tr, *target_kind))),
            ],
        ),
        E::UnknownActor(id) => tr.t1("form-error-unknown-actor", "id", id),
        E::NotACity(id) => tr.t1("form-error-not-a-city", "id", id),
        E::KindChange { id, existing } => tr.with(
            "form-error-kind-change",
            [
                ("id", value(id)),
                ("kind", value(existing.as_str())),
                ("a_kind", value(&super::words::a_kind(tr, *existing))),
            ],
        ),
        E::DuplicateId { id, first_line } => {
            tr.t2("form-error-duplicate-id", ("id", id), ("line", *first_line))
        }
        E::AlreadyExists(id) => tr.t1("form-error-already-exists", "id", id),
        E::NotFound(id) => tr.t1("form-error-does-not-exist", "id", id),
        E::TwinTie(twin) => tr.with(
            "form-error-twin-tie",
            [
                ("source", value(&twin.from)),
                ("kind", value(twin.kind.as_str())),
                ("tie", value(&super::words::tie_kind(tr, twin.kind))),
                ("target", value(&twin.target)),
                ("other", value(&twin.other)),
            ],
        ),
        E::UnknownColumn(v) => tr.t1("form-error-unknown-column", "value", v),
        E::Malformed(message) => message.clone(),
    };
    sentence(&said)
}

/// A decimal number as typed in any of the interface languages: a comma or a point before
/// the decimals, Arabic-Indic digits, spaces and marks left out. `None` when it is not one.
pub(crate) fn decimal(typed: &str) -> Option<f64> {
    let mut plain = String::with_capacity(typed.len());
    for c in typed.trim().chars() {
        match c {
            '0'..='9' | '.' | '-' | '+' | 'e' | 'E' => plain.push(c),
            ',' | '\u{066B}' => plain.push('.'),
            '\u{2212}' => plain.push('-'),
            '\u{0660}'..='\u{0669}' => plain.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => plain.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            // Group separators, spaces and bidirectional marks.
            '\u{066C}' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | ' ' | '\u{061C}' | '\u{200E}'
            | '\u{200F}' => {}
            _ => return None,
        }
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Languages by their lower-cased name in one interface language.
type Names = Arc<HashMap<String, Language>>;

/// The languages of one interface language by their name there, lower-cased: every ISO 639-3
/// language CLDR names (else by its English name), built once per locale.
fn names_in(tr: Tr) -> Names {
    static BY_LOCALE: OnceLock<Mutex<HashMap<&'static str, Names>>> = OnceLock::new();
    let cache = BY_LOCALE.get_or_init(Default::default);
    if let Some(names) = cache.lock().ok().and_then(|c| c.get(tr.lang()).cloned()) {
        return names;
    }
    let mut names: HashMap<String, Language> = HashMap::new();
    // CLDR's names in the interface language, then ISO 639-3's English names where CLDR has none;
    // those with a two-letter code first: they keep a name two languages share.
    let mut all = tr.language_names();
    all.sort_by_key(|(code, _)| {
        isolang::Language::from_639_3(code).is_none_or(|l| l.to_639_1().is_none())
    });
    let english =
        isolang::Language::match_names(|_| true).map(|l| (l.to_639_3(), l.to_name().to_owned()));
    for (iso, name) in all.into_iter().chain(english) {
        let Ok(code) = Language::parse(iso) else {
            continue;
        };
        for key in [name.to_lowercase(), folded(&name)] {
            names.entry(key).or_insert(code);
        }
    }
    let names = Arc::new(names);
    if let Ok(mut cache) = cache.lock() {
        cache.insert(tr.lang(), Arc::clone(&names));
    }
    names
}

/// A name lower-cased with the accents of Latin letters left out ("Árabe" → "arabe"), to
/// compare and sort names as people read them; other scripts as they are.
pub(crate) fn folded(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| {
            if ('\u{00C0}'..='\u{024F}').contains(&c) {
                let plain = any_ascii::any_ascii_char(c);
                if plain.len() == 1 {
                    return plain.to_owned();
                }
            }
            c.to_string()
        })
        .collect()
}

/// The language a person typed in a form or a filter: its ISO 639-3 code (any case), its name
/// in the interface language ("tigrigna", "ティグリニア語", any case, accents or not), its
/// English name, or a name with its code as the pickers list them ("tigrigna (tir)": the code
/// decides). `None` when nothing matches.
pub(crate) fn language(tr: Tr, typed: &str) -> Option<Language> {
    let text = typed.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(code) = Language::parse(&text.to_lowercase()) {
        return Some(code);
    }
    if let Some(code) = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .and_then(|(_, code)| Language::parse(&code.trim().to_lowercase()).ok())
    {
        return Some(code);
    }
    let names = names_in(tr);
    names
        .get(&text.to_lowercase())
        .or_else(|| names.get(&folded(text)))
        .copied()
        .or_else(|| Language::from_code_or_name(text).ok())
        .or_else(|| {
            isolang::Language::from_autonym(text).and_then(|l| Language::parse(l.to_639_3()).ok())
        })
}

/// A message as a sentence: a capital first letter and a full stop.
pub(crate) fn sentence(message: &str) -> String {
    let mut chars = message.trim().chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !text.ends_with(['.', '!', '?', '。', '！', '？', '؟']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_lands_on_the_field_it_is_about_in_plain_words() {
        let row = crate::domain::RowRef::new("body", 1);
        let refused = ApiError::Invalid(vec![
            RowError::new(&row, "target", crate::domain::DomainError::Missing),
            RowError::new(&row, "trust", crate::domain::DomainError::TrustOutOfRange),
            RowError::new(&row, "id", crate::domain::DomainError::InvalidId),
        ]);
        let rename = |f: &str| (f == "target").then_some("other");

        let errors =
            FieldErrors::of_refusal_in(Tr::default(), refused, rename, &["other", "trust"])
                .unwrap();

        assert_eq!(errors.of("other"), Some("This field is required."));
        assert!(errors.of("trust").unwrap().starts_with("Trust"));
        assert_eq!(
            errors.summary().len(),
            3,
            "the id's error belongs to no field"
        );
        assert!(!errors.summary()[2].1.contains("body line"));
    }

    fn tr(tag: &str) -> Tr {
        crate::i18n::catalog().negotiate(Some(tag), None)
    }

    #[test]
    fn the_model_s_rules_read_in_english_as_the_api_says_them() {
        use crate::domain::{DomainError as E, Twin};
        let errors = [
            E::InvalidId,
            E::UnknownActorKind("alien".into()),
            E::UnknownTieKind("loves".into()),
            E::EmptyName,
            E::InvalidName,
            E::InvisibleName,
            E::BidiControl("a name"),
            E::BidiControl("a note"),
            E::InvalidLanguage("Klingonish".into()),
            E::DuplicateLanguage("tir".into()),
            E::UnknownChannel("pigeon".into()),
            E::LatitudeOutOfRange,
            E::LongitudeOutOfRange,
            E::HalfLocation,
            E::TrustOutOfRange,
            E::UnknownRole("king".into()),
            E::InvalidLabel,
            E::NotANumber("lots".into()),
            E::NotABoolean("maybe".into()),
            E::InvalidDate("soon".into()),
            E::InvalidTimestamp("later".into()),
            E::AttributesNotObject,
            E::AttributesTooLarge,
            E::NoteTooLong,
            E::Missing,
            E::SelfTie,
            E::KindMismatch {
                kind: TieKind::MemberOf,
                source_kind: ActorKind::Migrant,
                target_kind: ActorKind::City,
                rule: TieKind::MemberOf.rule(),
            },
            E::UnknownActor("m-9".into()),
            E::NotACity("m-1".into()),
            E::KindChange {
                id: "m-1".into(),
                existing: ActorKind::Migrant,
            },
            E::DuplicateId {
                id: "m-1".into(),
                first_line: 3,
            },
            E::AlreadyExists("m-1".into()),
            E::NotFound("m-1".into()),
            E::TwinTie(Box::new(Twin {
                from: "m-1".into(),
                target: "o-1".into(),
                kind: TieKind::MemberOf,
                other: "t-1".into(),
            })),
            E::UnknownColumn("colour".into()),
            E::Malformed("bad quoting".into()),
        ];
        for error in &errors {
            assert_eq!(domain_error(tr("en"), error), sentence(&error.to_string()));
            for tag in ["fr", "es", "ar", "ja", "pt"] {
                let said = domain_error(tr(tag), error);
                assert!(!said.contains("form-error"), "{tag}: {said}");
                if !matches!(error, E::Malformed(_) | E::BidiControl(_)) {
                    assert_ne!(said, sentence(&error.to_string()), "{tag}: {said}");
                }
            }
        }
        for kind in TieKind::ALL.iter() {
            assert_eq!(tie_rule(tr("en"), *kind), kind.rule());
        }
    }

    #[test]
    fn the_service_s_refusals_read_in_english_as_the_api_says_them() {
        for (code, message) in [
            ("missing_field", "give the other actor's name or id"),
            ("unknown_actor", "no actor is called \"Nobody\""),
            (
                "unknown_actor",
                "no actor is called exactly \"Dawi\"; did you mean Dawit (m-2), Dawitt (m-3)?",
            ),
            (
                "ambiguous_actor",
                "several actors are called \"Dawit\": give the id of the one you mean (Dawit (m-2), Dawit (m-3))",
            ),
            ("unknown_actor", "m-9 is not in the network"),
            ("same_actor", "an actor is not distinct from itself"),
            ("same_actor", "an actor cannot be merged into itself"),
            (
                "different_kinds",
                "m-1 is a migrant and o-1 a organisation: only records of one kind are merged",
            ),
            (
                "city_merge",
                "cities are not merged: move their actors to one city, then delete the other",
            ),
        ] {
            assert_eq!(service_error(tr("en"), code, message), sentence(message));
            let french = service_error(tr("fr"), code, message);
            assert_ne!(french, sentence(message));
            assert!(!french.contains("form-error"), "{french}");
        }
        let french = service_error(
            tr("fr"),
            "ambiguous_actor",
            "several actors are called \"Dawit\": give the id of the one you mean (Dawit (m-2), Dawit (m-3))",
        );
        assert!(french.contains("Dawit (m-2), Dawit (m-3)"), "{french}");
        let missing = ApiError::NotFound("actor m-9".into());
        assert_eq!(api_error(tr("en"), &missing), "Actor m-9 not found.");
    }

    #[test]
    fn numbers_read_back_as_each_language_writes_them() {
        for tag in ["en", "fr", "es", "ar", "ja", "pt"] {
            let shown = tr(tag).decimal(-44.12345, 5);
            assert_eq!(decimal(&shown), Some(-44.12345), "{tag}: {shown}");
        }
        assert_eq!(decimal("0,8"), Some(0.8));
        assert_eq!(decimal("٠٫٨"), Some(0.8));
        assert_eq!(decimal("lots"), None);
        assert_eq!(decimal(""), None);
    }

    #[test]
    fn languages_are_understood_by_their_name_in_the_interface_language() {
        let tir = Language::parse("tir").ok();
        assert_eq!(language(tr("fr"), "tigrigna"), tir);
        assert_eq!(language(tr("fr"), "Tigrigna (tir)"), tir);
        assert_eq!(language(tr("ja"), "ティグリニア語"), tir);
        assert_eq!(language(tr("ja"), "ティグリニア語 (tir)"), tir);
        assert_eq!(language(tr("en"), "TIR"), tir);
        assert_eq!(language(tr("en"), " Tigrinya "), tir);
        assert_eq!(language(tr("ja"), "Tigrinya"), tir, "English names too");
        let ara = Language::parse("ara").ok();
        assert_eq!(language(tr("es"), "Árabe"), ara);
        assert_eq!(language(tr("es"), "arabe"), ara);
        assert_eq!(language(tr("ar"), &tr("ar").language("ara")), ara);
        assert_eq!(
            language(tr("pt"), &tr("pt").language("prs")),
            Language::parse("prs").ok()
        );
        assert_eq!(language(tr("fr"), "Klingonish"), None);
        assert_eq!(language(tr("fr"), "  "), None);
        assert_eq!(
            list("ティグリニア語、英語"),
            vec!["ティグリニア語".to_owned(), "英語".to_owned()]
        );
    }
}
