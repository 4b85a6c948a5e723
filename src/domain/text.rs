//! The one rule for free text that people read (names, notes, labels): what it must not hold.
//!
//! Text is shown in pages, call sheets, spreadsheets and other tools' windows. Bidirectional
//! control characters reorder what a reader sees (a name can be made to look like another, an
//! id to read backwards), and a name made only of invisible characters shows as nothing at all:
//! both are refused wherever text is parsed. Joiners inside a name stay allowed (Persian and
//! Dari names need the zero-width non-joiner).

/// Whether `c` is a bidirectional control character: the embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) and the implicit marks (U+200E, U+200F, U+061C).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` shows as nothing: white space, format characters (zero-width spaces and joiners,
/// the soft hyphen, word joiners, byte-order marks), variation selectors, tag characters, and the
/// blank letters used to fake an empty name (Hangul fillers, the braille blank).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// What is wrong with a piece of display text, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// It holds a control character (line breaks, tabs, NUL ...).
    Control,
    /// It holds a bidirectional control character.
    Bidi,
    /// Nothing in it is visible.
    Invisible,
}

/// Checks display text that must show something: no control or bidirectional control
/// characters, and at least one visible character.
pub fn check_visible(text: &str) -> Result<(), TextProblem> {
    check_free(text)?;
    if text.chars().all(is_invisible) {
        return Err(TextProblem::Invisible);
    }
    Ok(())
}

/// Checks free text that may break lines (a note): no bidirectional control characters, and no
/// control characters other than line breaks and tabs.
pub fn check_note(text: &str) -> Result<(), TextProblem> {
    if text.chars().any(is_bidi_control) {
        return Err(TextProblem::Bidi);
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(TextProblem::Control);
    }
    Ok(())
}

fn check_free(text: &str) -> Result<(), TextProblem> {
    if text.chars().any(is_bidi_control) {
        return Err(TextProblem::Bidi);
    }
    if text.chars().any(char::is_control) {
        return Err(TextProblem::Control);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_something_visible_pass_joiners_included() {
        for name in [
            "Selam",
            "محمد",
            "セラム",
            "Farzâna\u{200C}ye",
            "O'Neil",
            "Ana-María",
        ] {
            assert_eq!(check_visible(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn invisible_only_text_is_refused() {
        for name in [
            "\u{200B}",
            "\u{3164}\u{3164}",
            "\u{2800}",
            "\u{FEFF}\u{200D}",
            "\u{00A0}\u{2003}",
            "\u{E0041}",
        ] {
            assert_eq!(check_visible(name), Err(TextProblem::Invisible), "{name:?}");
        }
    }

    #[test]
    fn bidirectional_controls_are_refused_anywhere() {
        for text in ["abc\u{202E}fdp.exe", "\u{2067}x", "a\u{200F}", "\u{061C}b"] {
            assert_eq!(check_visible(text), Err(TextProblem::Bidi), "{text:?}");
            assert_eq!(check_note(text), Err(TextProblem::Bidi), "{text:?}");
        }
    }

    #[test]
    fn notes_keep_their_line_breaks_but_not_other_controls() {
        assert_eq!(check_note("first line\nsecond\ttabbed"), Ok(()));
        assert_eq!(check_note("bell\u{7}"), Err(TextProblem::Control));
    }
}
