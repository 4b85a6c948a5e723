//! The interface in its users' languages.
//!
//! Messages are Project Fluent files, `locales/<tag>/*.ftl`, one folder per locale, embedded
//! at build time (`build.rs` lists the folders: a translator adds a language by adding one).
//! Plurals follow CLDR's rules (fluent-bundle's `intl_pluralrules`), numbers are formatted by
//! ICU4X (`icu_decimal`), and the network's ISO 639-3 language codes are shown by their CLDR
//! names in the interface language (ICU4X display names). A message missing from a locale falls
//! back to English; the tests fail when a message used by a template, a script or the code is
//! missing from any locale, or a locale holds one that nothing uses.
//!
//! The JSON API stays language-neutral: codes, and English error messages with a stable `code`.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_locale_core::Locale as IcuLocale;
use unic_langid::LanguageIdentifier;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The locale every message exists in, and the one used when nothing else is asked for.
pub const DEFAULT: &str = "en";

/// The prefix of the messages that scripts use (sent with every page, see [`Tr::script_messages`]).
pub const SCRIPT_PREFIX: &str = "js-";

/// ISO 639-3 individual languages that CLDR names under another tag (their macrolanguage, or a
/// regional variant).
const CLDR_TAGS: [(&str, &str); 12] = [
    ("prs", "fa-AF"),
    ("pes", "fa"),
    ("swh", "sw"),
    ("arb", "ar"),
    ("cmn", "zh"),
    ("zsm", "ms"),
    ("npi", "ne"),
    ("uzn", "uz"),
    ("azj", "az"),
    ("khk", "mn"),
    ("gaz", "om"),
    ("ekk", "et"),
];

/// Languages written right to left (CLDR's right-to-left languages among those a crisis team
/// may add).
const RIGHT_TO_LEFT: [&str; 12] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi",
];

/// One shipped locale.
pub struct Locale {
    /// Its BCP 47 tag, as the folder is named (`en`, `ar`, `pt`...).
    pub tag: &'static str,
    bundle: FluentBundle<FluentResource>,
    icu: IcuLocale,
}

impl Locale {
    fn load(tag: &'static str, files: &[(&str, &'static str)]) -> Self {
        let id: LanguageIdentifier = tag
            .parse()
            .unwrap_or_else(|_| panic!("locales/{tag}: not a language tag"));
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Bidirectional text is left to the page's `dir` and the browser.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_number));
        for (name, text) in files {
            // A broken file is a build of the translations that the tests refuse; at run time the
            // messages it does hold are still used.
            let resource =
                FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(resource, errors)| {
                    tracing::error!(
                        locale = tag,
                        file = name,
                        errors = errors.len(),
                        "a translation file has syntax errors"
                    );
                    resource
                });
            bundle.add_resource_overriding(resource);
        }
        Self {
            tag,
            bundle,
            icu: tag.parse().unwrap_or(IcuLocale::UNKNOWN),
        }
    }

    /// Whether a message of that id is in this locale.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The ids of every message of this locale (messages, not terms), in file order.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut ids = Vec::new();
        for (tag, files) in embedded::LOCALE_FILES {
            if *tag != self.tag {
                continue;
            }
            for (_, text) in *files {
                if let Ok(resource) = FluentResource::try_new((*text).to_owned()) {
                    for entry in resource.entries() {
                        if let fluent_syntax::ast::Entry::Message(message) = entry {
                            let id = message.id.name;
                            // The id lives as long as the embedded text: find it there.
                            if let Some(at) = text.find(id) {
                                ids.push(&text[at..at + id.len()]);
                            }
                        }
                    }
                }
            }
        }
        ids
    }

    /// Syntax errors of this locale's files: `file: error`.
    pub fn syntax_errors(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (tag, files) in embedded::LOCALE_FILES {
            if *tag != self.tag {
                continue;
            }
            for (name, text) in *files {
                if let Err((_, errors)) = FluentResource::try_new((*text).to_owned()) {
                    out.extend(errors.iter().map(|e| format!("{name}: {e:?}")));
                }
            }
        }
        out
    }
}

/// Formats the numbers of messages as the locale writes them (CLDR, through ICU4X).
fn format_number(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let digits = number.options.minimum_fraction_digits.unwrap_or(0);
    memoizer
        .with_try_get::<LangTag, _, _>((), |tag| decimal(&tag.0, number.value, digits))
        .ok()
}

/// The memoizer's language, as a tag (what [`format_number`] needs of it).
struct LangTag(String);

impl intl_memoizer::Memoizable for LangTag {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(Self(lang.to_string()))
    }
}

/// `value` with `digits` fraction digits, as the locale writes it.
fn decimal(tag: &str, value: f64, digits: usize) -> String {
    use icu_decimal::input::Decimal;
    let locale: IcuLocale = tag.parse().unwrap_or(IcuLocale::UNKNOWN);
    let Ok(formatter) = icu_decimal::DecimalFormatter::try_new(locale.into(), Default::default())
    else {
        return format!("{value:.digits$}");
    };
    let scale = 10f64.powi(digits as i32);
    let scaled = (value * scale).round();
    if !scaled.is_finite() || scaled.abs() > 9e15 {
        return format!("{value:.digits$}");
    }
    let mut number = Decimal::from(scaled as i64);
    number.multiply_pow10(-(digits as i16));
    formatter.format(&number).to_string()
}

/// Every shipped locale, English first.
pub struct Catalog {
    locales: Vec<Locale>,
}

impl Catalog {
    fn load() -> Self {
        let mut locales: Vec<Locale> = embedded::LOCALE_FILES
            .iter()
            .map(|(tag, files)| Locale::load(tag, files))
            .collect();
        locales.sort_by_key(|l| (l.tag != DEFAULT, l.tag));
        assert!(
            locales.first().is_some_and(|l| l.tag == DEFAULT),
            "locales/{DEFAULT} is missing"
        );
        Self { locales }
    }

    /// Every shipped locale, English first.
    pub fn locales(&self) -> &[Locale] {
        &self.locales
    }

    /// The locale of a tag, if it is shipped.
    pub fn get(&self, tag: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.tag == tag)
    }

    /// English.
    pub fn default_locale(&self) -> &Locale {
        &self.locales[0]
    }

    /// The locale to speak: the person's saved choice when it is shipped, else the first of
    /// `Accept-Language` (by weight) that is shipped or whose language is, else English.
    pub fn negotiate(&'static self, saved: Option<&str>, accept_language: Option<&str>) -> Tr {
        if let Some(locale) = saved.and_then(|tag| self.get(tag.trim())) {
            return Tr { locale };
        }
        let mut wanted: Vec<(f32, usize, &str)> = accept_language
            .unwrap_or_default()
            .split(',')
            .enumerate()
            .filter_map(|(index, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let weight = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (!tag.is_empty() && weight > 0.0).then_some((weight, index, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, tag) in wanted {
            let language = tag.split(['-', '_']).next().unwrap_or(tag);
            let found = self
                .get(&tag.to_ascii_lowercase())
                .or_else(|| self.get(&language.to_ascii_lowercase()));
            if let Some(locale) = found {
                return Tr { locale };
            }
        }
        Tr {
            locale: self.default_locale(),
        }
    }
}

/// The shipped locales, loaded once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::load)
}

/// What a page says things in: a shipped locale, with English behind it.
#[derive(Clone, Copy)]
pub struct Tr {
    locale: &'static Locale,
}

impl Default for Tr {
    fn default() -> Self {
        Self {
            locale: catalog().default_locale(),
        }
    }
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tr({})", self.locale.tag)
    }
}

/// A value given to a message.
pub enum Arg<'a> {
    /// Text, as it is.
    Text(Cow<'a, str>),
    /// A number: chooses the plural form and is written as the locale writes numbers.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<&String> for Arg<'_> {
    fn from(text: &String) -> Self {
        Arg::Text(Cow::Owned(text.clone()))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
        impl From<&$t> for Arg<'_> {
            fn from(n: &$t) -> Self {
                Arg::Number(*n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

impl Tr {
    /// The locale.
    pub fn locale(&self) -> &'static Locale {
        self.locale
    }

    /// The BCP 47 tag, for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.locale.tag
    }

    /// `rtl` or `ltr`, for `<html dir>`.
    pub fn dir(&self) -> &'static str {
        let language = self.locale.tag.split('-').next().unwrap_or_default();
        if RIGHT_TO_LEFT.contains(&language) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A message without values.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with one value, `$name`.
    pub fn t1<'a>(&self, id: &str, name: &str, value: impl Into<Arg<'a>>) -> String {
        self.with(id, [(name, value.into())])
    }

    /// A message with two values.
    pub fn t2<'a, 'b>(
        &self,
        id: &str,
        (name, value): (&str, impl Into<Arg<'a>>),
        (other, second): (&str, impl Into<Arg<'b>>),
    ) -> String {
        let args: [(&str, Arg); 2] = [(name, value.into()), (other, second.into())];
        self.with(id, args)
    }

    /// A message with its values.
    pub fn with<'a>(
        &self,
        id: &str,
        values: impl IntoIterator<Item = (&'a str, Arg<'a>)>,
    ) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            match value {
                Arg::Text(text) => args.set(name.to_owned(), FluentValue::from(text.into_owned())),
                Arg::Number(n) => args.set(name.to_owned(), FluentValue::from(n)),
            }
        }
        self.format(id, Some(&args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let english = catalog().default_locale();
        for locale in [self.locale, english] {
            if let Some(pattern) = locale.bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = locale.bundle.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        // The tests keep every id used in every locale; an unknown id shows as itself.
        id.to_owned()
    }

    /// A whole number as the locale writes it (`12 345`, `12,345`, `١٢٬٣٤٥`).
    pub fn number(&self, n: impl Into<f64>) -> String {
        decimal(self.locale.tag, n.into(), 0)
    }

    /// A number with `digits` fraction digits, as the locale writes it.
    pub fn decimal(&self, n: impl Into<f64>, digits: usize) -> String {
        decimal(self.locale.tag, n.into(), digits)
    }

    /// A moment (UTC) as the locale writes a date and a time to the minute, with "UTC" after it
    /// ("Dec 7, 2026, 9:05 AM UTC", "7 déc. 2026, 09:05 UTC", "2026/12/07 9:05 UTC").
    pub fn moment(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        use chrono::{Datelike, Timelike};
        use icu_datetime::fieldsets::YMDT;
        use icu_datetime::options::TimePrecision;
        let fallback = || at.format("%Y-%m-%d %H:%M UTC").to_string();
        let Ok(date) =
            icu_calendar::Date::try_new_gregorian(at.year(), at.month() as u8, at.day() as u8)
        else {
            return fallback();
        };
        let Ok(time) = icu_time::Time::try_new(at.hour() as u8, at.minute() as u8, 0, 0) else {
            return fallback();
        };
        let fields = YMDT::medium().with_time_precision(TimePrecision::Minute);
        match icu_datetime::FixedCalendarDateTimeFormatter::<icu_calendar::Gregorian, _>::try_new(
            self.locale.icu.clone().into(),
            fields,
        ) {
            Ok(formatter) => {
                let moment = icu_time::DateTime { date, time };
                format!("{} UTC", formatter.format(&moment))
            }
            Err(_) => fallback(),
        }
    }

    /// A moment of a day's events (UTC) as the locale writes a month, a day and a time to the
    /// minute, with "UTC" after it ("Dec 3, 2:05 PM UTC", "3 déc., 14:05 UTC").
    pub fn clock(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        use chrono::{Datelike, Timelike};
        use icu_datetime::fieldsets::MDT;
        use icu_datetime::options::TimePrecision;
        let fallback = || at.format("%H:%M UTC, %d %b").to_string();
        let (Ok(date), Ok(time)) = (
            icu_calendar::Date::try_new_gregorian(at.year(), at.month() as u8, at.day() as u8),
            icu_time::Time::try_new(at.hour() as u8, at.minute() as u8, 0, 0),
        ) else {
            return fallback();
        };
        let fields = MDT::medium().with_time_precision(TimePrecision::Minute);
        icu_datetime::FixedCalendarDateTimeFormatter::<icu_calendar::Gregorian, _>::try_new(
            self.locale.icu.clone().into(),
            fields,
        )
        .map_or_else(
            |_| fallback(),
            |f| format!("{} UTC", f.format(&icu_time::DateTime { date, time })),
        )
    }

    /// A day as the locale writes a date ("Dec 7, 2026", "7 déc. 2026", "2026/12/07").
    pub fn day(&self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        use icu_datetime::fieldsets::YMD;
        let Ok(date) =
            icu_calendar::Date::try_new_gregorian(day.year(), day.month() as u8, day.day() as u8)
        else {
            return day.to_string();
        };
        icu_datetime::FixedCalendarDateTimeFormatter::<icu_calendar::Gregorian, _>::try_new(
            self.locale.icu.clone().into(),
            YMD::medium(),
        )
        .map_or_else(|_| day.to_string(), |f| f.format(&date).to_string())
    }

    /// An ISO 639-3 language code's name in the interface language, from CLDR ("Tigrinya",
    /// "tigrigna", "ティグリニア語"; Dari as CLDR names `fa-AF`); where CLDR has none, ISO
    /// 639-3's English name with the code beside it (the English name alone in English); else
    /// the code itself.
    pub fn language(&self, code: &str) -> String {
        let names = self.display_names();
        self.cldr_name(names.as_ref(), code)
            .unwrap_or_else(|| match isolang::Language::from_639_3(code) {
                Some(l) if self.locale.tag == DEFAULT => l.to_name().to_owned(),
                Some(l) => format!("{} ({code})", l.to_name()),
                None => code.to_owned(),
            })
    }

    /// Every ISO 639-3 language CLDR names in the interface language, with that name (for
    /// pickers that take a name back): the code and the name.
    pub fn language_names(&self) -> Vec<(&'static str, String)> {
        let names = self.display_names();
        isolang::Language::match_names(|_| true)
            .filter_map(|l| {
                let code = l.to_639_3();
                self.cldr_name(names.as_ref(), code)
                    .map(|name| (code, name))
            })
            .collect()
    }

    fn display_names(
        &self,
    ) -> Option<icu_experimental::displaynames::multi::LocaleDisplayNamesFormatter> {
        icu_experimental::displaynames::multi::LocaleDisplayNamesFormatter::try_new(
            self.locale.icu.clone().into(),
            Default::default(),
        )
        .ok()
    }

    /// CLDR's name of an ISO 639-3 language, if it has one.
    fn cldr_name(
        &self,
        names: Option<&icu_experimental::displaynames::multi::LocaleDisplayNamesFormatter>,
        code: &str,
    ) -> Option<String> {
        let tag = CLDR_TAGS
            .iter()
            .find(|(iso, _)| *iso == code)
            .map(|(_, tag)| (*tag).to_owned())
            .or_else(|| {
                isolang::Language::from_639_3(code)
                    .and_then(|l| l.to_639_1())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| code.to_owned());
        let locale = tag.parse::<IcuLocale>().ok()?;
        let name = names?.of(&locale);
        // Without data, the formatter gives the tag back.
        (name != tag && name != locale.to_string()).then(|| name.into_owned())
    }

    /// A language's name with its code beside it, as forms list them ("Tigrinya (tir)").
    pub fn language_with_code(&self, code: &str) -> String {
        format!("{} ({code})", self.language(code))
    }

    /// The messages scripts use (`js-…`), as a JSON object for the page: each formatted with
    /// its values left as `{$name}` for the script to fill in.
    pub fn script_messages(&self) -> String {
        let english = catalog().default_locale();
        let mut out = serde_json::Map::new();
        // English's, and this locale's own plural forms (Arabic's `-few`...) that English has not.
        let mut ids = english.ids();
        ids.extend(self.locale.ids());
        for id in ids {
            if !id.starts_with(SCRIPT_PREFIX) || out.contains_key(id) {
                continue;
            }
            let locale = if self.locale.has(id) {
                self.locale
            } else {
                english
            };
            let Some(pattern) = locale.bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut args = FluentArgs::new();
            for name in variables(pattern) {
                args.set(name.to_owned(), FluentValue::from(format!("{{${name}}}")));
            }
            let mut errors = Vec::new();
            let text = locale
                .bundle
                .format_pattern(pattern, Some(&args), &mut errors);
            out.insert(id.to_owned(), serde_json::Value::String(text.into_owned()));
        }
        // Safe inside <script type="application/json">: no `</script>` can close it early.
        serde_json::Value::Object(out)
            .to_string()
            .replace('<', "\\u003c")
    }

    /// The locales to switch to: each tag with its own name for itself.
    pub fn choices(&self) -> Vec<(&'static str, String)> {
        catalog()
            .locales()
            .iter()
            .map(|l| (l.tag, Tr { locale: l }.t("locale-name")))
            .collect()
    }
}

/// The variables a pattern names (`$name`), in order.
fn variables<'p>(pattern: &'p fluent_syntax::ast::Pattern<&'p str>) -> Vec<&'p str> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let mut out = Vec::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            let inline = match expression {
                Expression::Inline(inline) => inline,
                Expression::Select { selector, .. } => selector,
            };
            if let InlineExpression::VariableReference { id } = inline
                && !out.contains(&id.name)
            {
                out.push(id.name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_is_the_saved_choice_else_accept_language_else_english() {
        let catalog = catalog();
        assert_eq!(catalog.negotiate(Some("ar"), Some("fr")).lang(), "ar");
        assert_eq!(
            catalog
                .negotiate(Some("xx"), Some("fr-CA, en;q=0.5"))
                .lang(),
            "fr"
        );
        assert_eq!(
            catalog
                .negotiate(None, Some("de, pt-BR;q=0.9, es;q=0.8"))
                .lang(),
            "pt"
        );
        assert_eq!(
            catalog.negotiate(None, Some("es;q=0.2, ja;q=0.9")).lang(),
            "ja"
        );
        assert_eq!(catalog.negotiate(None, Some("de")).lang(), "en");
        assert_eq!(catalog.negotiate(None, None).lang(), "en");
        assert_eq!(catalog.negotiate(None, Some("ar")).dir(), "rtl");
        assert_eq!(catalog.negotiate(None, Some("ja")).dir(), "ltr");
    }

    #[test]
    fn numbers_and_language_names_follow_the_locale() {
        let catalog = catalog();
        let tr = |tag| catalog.negotiate(Some(tag), None);
        assert_eq!(tr("en").number(12345u32), "12,345");
        assert_eq!(tr("fr").number(12345u32), "12\u{202f}345");
        assert_eq!(tr("en").decimal(0.8, 2), "0.80");
        assert_eq!(tr("fr").decimal(0.8, 2), "0,80");
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-07T09:05:42Z")
            .unwrap()
            .to_utc();
        assert_eq!(tr("en").moment(&at), "Dec 7, 2026, 9:05\u{202f}AM UTC");
        assert_eq!(tr("fr").moment(&at), "7 déc. 2026, 09:05 UTC");
        assert_eq!(tr("ja").moment(&at), "2026/12/07 9:05 UTC");
        assert_eq!(tr("fr").clock(&at), "7 déc., 09:05 UTC");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(tr("pt").day(day), "7 de dez. de 2026");
        assert_eq!(tr("en").language("tir"), "Tigrinya");
        assert_eq!(tr("fr").language("tir"), "tigrigna");
        assert_eq!(tr("ja").language("tir"), "ティグリニア語");
        assert_eq!(tr("en").language("prs"), "Dari");
        assert_eq!(tr("ar").language("prs"), "الدارية");
        assert_eq!(tr("fr").language("swh"), "swahili");
        assert_eq!(tr("en").language("qqq"), "qqq");
    }

    #[test]
    fn plurals_follow_the_locale_and_missing_messages_fall_back_to_english() {
        let catalog = catalog();
        let en = catalog.negotiate(Some("en"), None);
        assert_eq!(en.t1("count-actors", "count", 1u32), "1 actor");
        assert_eq!(en.t1("count-actors", "count", 1200u32), "1,200 actors");
        let fr = catalog.negotiate(Some("fr"), None);
        assert_eq!(
            fr.t1("count-actors", "count", 0u32),
            "0 acteur",
            "French: 0 is singular"
        );
        for locale in catalog.locales() {
            assert!(
                locale.syntax_errors().is_empty(),
                "{}: {:?}",
                locale.tag,
                locale.syntax_errors()
            );
            assert!(locale.has("locale-name"), "{}", locale.tag);
        }
        assert_eq!(en.t("no-such-message"), "no-such-message");
    }
}
