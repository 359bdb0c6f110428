//! Cleaning a page title: leftover character references and the site name
//! that `<title>` and `og:title` often carry ("Talks resume | Example News").

/// Separators between a headline and a site name, widest first.
const SEPARATORS: &[&str] = &[
    " | ", " – ", " — ", " - ", " :: ", " : ", " » ", " · ", " / ",
];

/// `title` without a leading or trailing site name. The site is recognised by
/// its name (`og:site_name`) or by the page's host name.
pub(crate) fn clean_title(title: &str, site_name: Option<&str>, url: Option<&str>) -> String {
    let title = decode_leftover_references(title.trim());
    let site_keys = site_keys(site_name, url);
    for separator in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && is_site(tail, &site_keys)
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(separator)
            && is_site(head, &site_keys)
            && !tail.trim().is_empty()
        {
            return tail.trim().to_string();
        }
    }
    title
}

/// Letters and digits only, lower-cased: "The Japan Times" -> "thejapantimes".
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The site name's key and the host name's distinctive labels.
fn site_keys(site_name: Option<&str>, url: Option<&str>) -> Vec<String> {
    let mut keys: Vec<String> = site_name
        .map(key)
        .into_iter()
        .filter(|k| k.len() >= 2)
        .collect();
    if let Some(host) = url.and_then(host_of) {
        let labels: Vec<&str> = host.split('.').collect();
        let n_labels = labels.len();
        // Skip the top-level domain and common prefixes.
        for label in labels.into_iter().take(n_labels.saturating_sub(1)) {
            if label.len() >= 4 && !["www", "news", "blog", "blogs", "amp"].contains(&label) {
                keys.push(key(label));
            }
        }
    }
    keys
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty()).then_some(host)
}

fn is_site(segment: &str, site_keys: &[String]) -> bool {
    let segment_key = key(segment);
    if segment_key.is_empty() {
        return false;
    }
    let looks_like_domain = !segment.contains(' ') && segment.contains('.') && segment.len() <= 40;
    looks_like_domain
        || site_keys.iter().any(|site| {
            *site == segment_key
                || (site.len() >= 4
                    && segment_key.contains(site.as_str())
                    && segment.split_whitespace().count() <= 5)
                || (segment_key.len() >= 4 && site.contains(segment_key.as_str()))
        })
}

/// Decodes character references left over after the HTML parser's own pass
/// (sites that escape twice: `&amp;#8217;`).
fn decode_leftover_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let decoded = rest
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((decode_reference(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    match name {
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some('\u{a0}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_cut_from_either_end() {
        let url = Some("https://www.japantimes.co.jp/news/2020/masks");
        assert_eq!(
            clean_title(
                "Losing face: 6,000 masks stolen | The Japan Times",
                None,
                url
            ),
            "Losing face: 6,000 masks stolen"
        );
        assert_eq!(
            clean_title(
                "Example News - Floods hit Sindh",
                Some("Example News"),
                None
            ),
            "Floods hit Sindh"
        );
        assert_eq!(
            clean_title("Talks resume - 24ora.com", None, None),
            "Talks resume"
        );
    }

    #[test]
    fn headlines_with_dashes_stay_whole() {
        assert_eq!(
            clean_title(
                "Biden - Trump debate set for June",
                Some("Example News"),
                None
            ),
            "Biden - Trump debate set for June"
        );
        assert_eq!(
            clean_title("Kyiv: drones strike again", None, None),
            "Kyiv: drones strike again"
        );
    }

    #[test]
    fn doubly_escaped_references_are_decoded() {
        assert_eq!(
            clean_title(
                "Olive &#038; Herb &#8216;Focaccia&#8217; &copy;",
                None,
                None
            ),
            "Olive & Herb ‘Focaccia’ &copy;"
        );
    }
}
