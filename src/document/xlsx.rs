//! The little of Office Open XML spreadsheets (XLSX) that forms need: writing sheets of text
//! (an XLSForm) and reading sheets back as rows of text (a KoboToolbox or ODK export).

use std::io::{Read, Write};

use super::DocumentError;

/// A sheet: its name and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The tab's name.
    pub name: String,
    /// The rows, the first usually the header.
    pub rows: Vec<Vec<String>>,
}

fn escape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The column letters of a 0-based index: 0 → `A`, 26 → `AA`.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// The 0-based column of a cell reference (`C7` → 2).
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(
        letters
            .iter()
            .fold(0usize, |n, b| n * 26 + (b - b'A' + 1) as usize)
            - 1,
    )
}

/// Writes a workbook of text cells (inline strings), one tab per sheet.
pub fn write_xlsx(sheets: &[Sheet]) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, text: String| -> std::io::Result<()> {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())
    };
    let overrides: String = (1..=sheets.len())
        .map(|i| {
            format!(
                r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            )
        })
        .collect();
    put(
        "[Content_Types].xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#
        ),
    )?;
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
    )?;
    let tabs: String = sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| {
            format!(
                r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
                escape(&sheet.name),
                i + 1,
                i + 1
            )
        })
        .collect();
    put(
        "xl/workbook.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{tabs}</sheets></workbook>"#
        ),
    )?;
    let relations: String = (1..=sheets.len())
        .map(|i| {
            format!(
                r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#
            )
        })
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}</Relationships>"#
        ),
    )?;
    for (i, sheet) in sheets.iter().enumerate() {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (r, row) in sheet.rows.iter().enumerate() {
            xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                xml.push_str(&format!(
                    r#"<c r="{}{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    column_letters(c),
                    r + 1,
                    escape(cell)
                ));
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData></worksheet>");
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), xml)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// The most bytes one part of a workbook may hold once inflated.
const MAX_PART: u64 = 256 << 20;

/// Reads every sheet of a workbook as rows of text (numbers as written, dates as their serial
/// numbers); a row's missing cells are empty.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, DocumentError> {
    let malformed = |what: String| DocumentError::Malformed(format!("not a readable XLSX: {what}"));
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| malformed(e.to_string()))?;
    let mut part = |name: &str| -> Result<Option<String>, DocumentError> {
        let Some(index) = archive.index_for_name(name) else {
            return Ok(None);
        };
        let file = archive
            .by_index(index)
            .map_err(|e| malformed(e.to_string()))?;
        let mut text = String::new();
        file.take(MAX_PART + 1)
            .read_to_string(&mut text)
            .map_err(|e| malformed(format!("{name}: {e}")))?;
        if text.len() as u64 > MAX_PART {
            return Err(malformed(format!("{name} is too large")));
        }
        Ok(Some(text))
    };
    fn parse<'t>(name: &str, text: &'t str) -> Result<roxmltree::Document<'t>, DocumentError> {
        roxmltree::Document::parse(text)
            .map_err(|e| DocumentError::Malformed(format!("not a readable XLSX: {name}: {e}")))
    }
    let workbook = part("xl/workbook.xml")?.ok_or_else(|| malformed("no workbook".into()))?;
    let relations = part("xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let shared_text = part("xl/sharedStrings.xml")?;
    let mut shared = Vec::new();
    if let Some(text) = &shared_text {
        let xml = parse("sharedStrings", text)?;
        for item in xml.descendants().filter(|n| n.has_tag_name("si")) {
            shared.push(
                item.descendants()
                    .filter(|n| n.has_tag_name("t"))
                    .filter_map(|n| n.text())
                    .collect::<String>(),
            );
        }
    }
    let targets: Vec<(String, String)> = if relations.is_empty() {
        Vec::new()
    } else {
        parse("workbook relations", &relations)?
            .descendants()
            .filter(|n| n.has_tag_name("Relationship"))
            .filter_map(|n| {
                Some((
                    n.attribute("Id")?.to_owned(),
                    n.attribute("Target")?.to_owned(),
                ))
            })
            .collect()
    };
    let book = parse("workbook", &workbook)?;
    let mut sheets = Vec::new();
    for (position, tab) in book
        .descendants()
        .filter(|n| n.has_tag_name("sheet"))
        .enumerate()
    {
        let name = tab.attribute("name").unwrap_or_default().to_owned();
        let relation = tab
            .attributes()
            .find(|a| a.name() == "id")
            .map(|a| a.value().to_owned());
        let target = relation
            .and_then(|id| targets.iter().find(|(i, _)| *i == id))
            .map(|(_, t)| {
                t.trim_start_matches('/')
                    .trim_start_matches("xl/")
                    .to_owned()
            })
            .unwrap_or_else(|| format!("worksheets/sheet{}.xml", position + 1));
        let path = format!("xl/{target}");
        let text = part(&path)?.ok_or_else(|| malformed(format!("no {path}")))?;
        let xml = parse(&path, &text)?;
        let mut rows = Vec::new();
        for row in xml.descendants().filter(|n| n.has_tag_name("row")) {
            let mut cells: Vec<String> = Vec::new();
            for (next, cell) in row.children().filter(|n| n.has_tag_name("c")).enumerate() {
                let column = cell.attribute("r").and_then(column_of).unwrap_or(next);
                if column > 16_384 {
                    return Err(malformed(format!("{path}: a cell beyond column XFD")));
                }
                let value = || {
                    cell.children()
                        .find(|n| n.has_tag_name("v"))
                        .and_then(|v| v.text())
                        .unwrap_or_default()
                };
                let text = match cell.attribute("t") {
                    Some("s") => value()
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| shared.get(i).cloned())
                        .unwrap_or_default(),
                    Some("inlineStr") => cell
                        .descendants()
                        .filter(|n| n.has_tag_name("t"))
                        .filter_map(|n| n.text())
                        .collect(),
                    _ => value().to_owned(),
                };
                if cells.len() <= column {
                    cells.resize(column + 1, String::new());
                }
                cells[column] = text;
            }
            rows.push(cells);
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_written_read_back_as_they_were() {
        let sheets = vec![
            Sheet {
                name: "survey".into(),
                rows: vec![
                    vec!["type".into(), "name".into()],
                    vec!["text".into(), "a <b> & \"c\"".into()],
                ],
            },
            Sheet {
                name: "choices".into(),
                rows: vec![vec![String::new(), "x".into()]],
            },
        ];
        let bytes = write_xlsx(&sheets).unwrap();
        assert_eq!(read_xlsx(&bytes).unwrap(), sheets);
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_of("AB12"), Some(27));
    }
}
