//! Web pages saved as `.html` or `.htm`: the article text, never the markup.
//!
//! The page is parsed with `scraper` (Servo's html5ever, the parser browsers use, so broken
//! markup reads as a browser would show it). The text comes from the page's `<article>`, else
//! its `<main>`, else its `<body>`; scripts, styles, navigation, headers, footers, asides, forms
//! and embedded frames are dropped. Block elements (paragraphs, headings, list items, quotes,
//! table rows, `<br>`) end a paragraph; paragraphs are separated by a blank line, so the article
//! segmenter sees them as the page showed them. The page's first `<h1>` (else its `<title>`)
//! opens the text as its headline when the body does not already start with it.

use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
    "select", "head",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "tr",
    "br",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "hr",
    "ul",
    "ol",
    "table",
];

/// The article text of the web page `markup`.
pub(crate) fn article_text(markup: &str) -> String {
    let page = Html::parse_document(markup);
    let first = |css: &str| {
        let selector = Selector::parse(css).expect("a valid selector");
        page.select(&selector).next()
    };
    let root = first("article")
        .or_else(|| first("main"))
        .or_else(|| first("body"))
        .unwrap_or_else(|| page.root_element());
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    collect(root, &mut paragraphs, &mut current);
    finish_paragraph(&mut paragraphs, &mut current);
    let headline = first("h1")
        .or_else(|| first("title"))
        .map(|element| squeeze(&element.text().collect::<String>()))
        .filter(|h| !h.is_empty());
    if let Some(headline) = headline {
        if paragraphs.first() != Some(&headline) {
            paragraphs.insert(0, headline);
        }
    }
    let mut text = paragraphs.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// Appends the text below `element` to `current`, ending paragraphs at block elements.
fn collect(element: ElementRef<'_>, paragraphs: &mut Vec<String>, current: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(inner) => {
                let name = inner.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    finish_paragraph(paragraphs, current);
                }
                if let Some(inner) = ElementRef::wrap(child) {
                    collect(inner, paragraphs, current);
                }
                if block {
                    finish_paragraph(paragraphs, current);
                } else {
                    current.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Closes the paragraph being read, if it holds any text.
fn finish_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    let paragraph = squeeze(current);
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

/// `text` with every run of whitespace one space, trimmed, and no space before punctuation that
/// an inline element's end left there.
fn squeeze(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len());
    for c in joined.chars() {
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '’') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_scripts_styles_or_navigation() {
        let page = r#"<!DOCTYPE html><html><head><title>Talks stall | The Vardan Times</title>
            <style>p { color: red }</style><script>var tracking = "said the minister";</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <header>Subscribe now</header>
            <article><h1>Talks stall as army readies offensive</h1>
            <p>Defence Minister <b>Oren Kastrel</b> said the army was ready.</p>
            <p>The mediator, Lina Ferro, urged restraint.<br>Talks resume on Monday.</p>
            <aside>Related: five things to know</aside></article>
            <footer>© 2015</footer></body></html>"#;
        assert_eq!(
            article_text(page),
            "Talks stall as army readies offensive\n\n\
             Defence Minister Oren Kastrel said the army was ready.\n\n\
             The mediator, Lina Ferro, urged restraint.\n\n\
             Talks resume on Monday.\n"
        );
    }

    #[test]
    fn a_page_without_article_reads_its_body_with_the_title_as_headline() {
        let page = "<html><head><title>Ceasefire holds</title></head><body><div>Guns fell silent \
                    <i>overnight</i>.</div><div>Both sides met in Geneva.</div></body></html>";
        assert_eq!(
            article_text(page),
            "Ceasefire holds\n\nGuns fell silent overnight.\n\nBoth sides met in Geneva.\n"
        );
    }

    #[test]
    fn broken_or_empty_markup_never_fails() {
        assert_eq!(article_text(""), "");
        assert_eq!(article_text("<p>Unclosed <b>bold"), "Unclosed bold\n");
        assert_eq!(article_text("plain words, no tags"), "plain words, no tags\n");
    }
}
