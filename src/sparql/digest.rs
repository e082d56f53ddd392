//! HTTP authentication for [`super::gsp`]: Digest (RFC 7616 with MD5, as Virtuoso asks for
//! on `/sparql-graph-crud-auth`, and RFC 2617 without `qop`) and Basic (RFC 7617).
//!
//! A client answers the server's challenge (`WWW-Authenticate`) and then reuses it, counting
//! the nonce's uses, so that only the first request of a load is sent twice.

use md5::{Digest as _, Md5};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A challenge the client can answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Challenge {
    /// `Basic realm="…"`.
    Basic,
    /// `Digest realm="…", nonce="…", …`.
    Digest(DigestChallenge),
}

/// The parameters of a Digest challenge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DigestChallenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    /// Whether the server offers `qop=auth`.
    qop_auth: bool,
    /// `MD5-sess` rather than `MD5`.
    sess: bool,
}

/// The reason a challenge cannot be answered.
pub fn unsupported(header: &str) -> Option<String> {
    let (scheme, params) = split_scheme(header);
    if scheme.eq_ignore_ascii_case("digest") {
        let alg = param(params, "algorithm").unwrap_or_else(|| "MD5".into());
        if !alg.eq_ignore_ascii_case("md5") && !alg.eq_ignore_ascii_case("md5-sess") {
            return Some(format!("Digest authentication with {alg} (only MD5 is supported)"));
        }
        return None;
    }
    if scheme.eq_ignore_ascii_case("basic") { None } else { Some(format!("{scheme} authentication")) }
}

/// Picks the challenge to answer among the `WWW-Authenticate` headers: Digest before Basic.
pub fn parse<'a>(headers: impl IntoIterator<Item = &'a str>) -> Option<Challenge> {
    let mut basic = false;
    for h in headers {
        let (scheme, params) = split_scheme(h);
        if scheme.eq_ignore_ascii_case("digest") && unsupported(h).is_none() {
            let qop = param(params, "qop").unwrap_or_default();
            return Some(Challenge::Digest(DigestChallenge {
                realm: param(params, "realm").unwrap_or_default(),
                nonce: param(params, "nonce")?,
                opaque: param(params, "opaque"),
                qop_auth: qop.split(',').any(|q| q.trim().eq_ignore_ascii_case("auth")),
                sess: param(params, "algorithm").is_some_and(|a| a.eq_ignore_ascii_case("md5-sess")),
            }));
        }
        basic |= scheme.eq_ignore_ascii_case("basic");
    }
    basic.then_some(Challenge::Basic)
}

fn split_scheme(h: &str) -> (&str, &str) {
    let h = h.trim();
    h.split_once(char::is_whitespace).map_or((h, ""), |(s, p)| (s, p.trim()))
}

/// The value of `name` among `k=v, k="v"` parameters.
fn param(params: &str, name: &str) -> Option<String> {
    let mut rest = params;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        if rest.is_empty() {
            return None;
        }
        let (key, after) = rest.split_once('=')?;
        let after = after.trim_start();
        let (value, next) = if let Some(q) = after.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = q.char_indices();
            let mut end = q.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            value.push(e);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => value.push(c),
                }
            }
            (value, q.get(end..).unwrap_or(""))
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (after.get(..end).unwrap_or("").trim().to_string(), after.get(end..).unwrap_or(""))
        };
        if key.trim().eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = next;
    }
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A fresh client nonce: unique per process and call, which is all RFC 7616 asks of it.
fn cnonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default();
    md5_hex(&format!("{t}:{}:{n}", std::process::id())).chars().take(16).collect()
}

/// The `Authorization` header for a request, answering `challenge`. `uri` is the request
/// target (path and query); `nc` counts the uses of the challenge's nonce, from 1.
pub fn authorization(challenge: &Challenge, user: &str, password: &str, method: &str, uri: &str, nc: u32) -> String {
    match challenge {
        Challenge::Basic => format!("Basic {}", base64(format!("{user}:{password}").as_bytes())),
        Challenge::Digest(c) => digest_with(c, user, password, method, uri, nc, &cnonce()),
    }
}

fn digest_with(
    c: &DigestChallenge,
    user: &str,
    password: &str,
    method: &str,
    uri: &str,
    nc: u32,
    cnonce: &str,
) -> String {
    let mut ha1 = md5_hex(&format!("{user}:{}:{password}", c.realm));
    if c.sess {
        ha1 = md5_hex(&format!("{ha1}:{}:{cnonce}", c.nonce));
    }
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    let nc = format!("{nc:08x}");
    let mut h = format!(
        "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\"",
        quote(user),
        quote(&c.realm),
        quote(&c.nonce),
        quote(uri)
    );
    if c.qop_auth {
        let response = md5_hex(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", c.nonce));
        h.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""));
    } else {
        let response = md5_hex(&format!("{ha1}:{}:{ha2}", c.nonce));
        h.push_str(&format!(", response=\"{response}\""));
    }
    h.push_str(if c.sess { ", algorithm=MD5-sess" } else { ", algorithm=MD5" });
    if let Some(o) = &c.opaque {
        h.push_str(&format!(", opaque=\"{}\"", quote(o)));
    }
    h
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sextet = |n: u32, shift: u32| char::from(ALPHABET.get(((n >> shift) & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sextet(n, 18));
        out.push(sextet(n, 12));
        out.push(if chunk.len() > 1 { sextet(n, 6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(n, 0) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of RFC 2617 §3.5 (MD5, qop=auth).
    #[test]
    fn answers_the_rfc_2617_example() {
        let header = r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#;
        let Some(Challenge::Digest(c)) = parse([header]) else { panic!("not parsed") };
        assert_eq!(c.realm, "testrealm@host.com");
        assert!(c.qop_auth);
        let h = digest_with(&c, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", 1, "0a4f113b");
        assert!(h.contains(r#"response="6629fae49393a05397450978507c4ef1""#), "{h}");
        assert!(h.contains("nc=00000001"), "{h}");
        assert!(h.contains(r#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#), "{h}");
    }

    #[test]
    fn answers_without_qop() {
        let c = DigestChallenge { realm: "r".into(), nonce: "n".into(), ..Default::default() };
        let h = digest_with(&c, "u", "p", "PUT", "/x", 1, "c");
        let want = md5_hex(&format!("{}:n:{}", md5_hex("u:r:p"), md5_hex("PUT:/x")));
        assert!(h.contains(&format!("response=\"{want}\"")), "{h}");
        assert!(!h.contains("qop"), "{h}");
    }

    #[test]
    fn parses_virtuoso_challenges() {
        let v = r#"Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="7eb32b89", opaque="5ebe22", stale="false", qop="auth", algorithm="MD5""#;
        let Some(Challenge::Digest(c)) = parse([v]) else { panic!("not parsed") };
        assert_eq!((c.realm.as_str(), c.nonce.as_str(), c.opaque.as_deref()), ("SPARQL", "7eb32b89", Some("5ebe22")));
        assert_eq!(parse(["Basic realm=\"x\""]), Some(Challenge::Basic));
        assert_eq!(parse(["Bearer"]), None);
        assert!(unsupported(r#"Digest realm="x", nonce="y", algorithm=SHA-256"#).is_some());
        assert_eq!(param(r#"a="q\"uote", b=plain , c="x""#, "a").as_deref(), Some("q\"uote"));
        assert_eq!(param(r#"a="q\"uote", b=plain , c="x""#, "b").as_deref(), Some("plain"));
        assert_eq!(param(r#"a="q\"uote", b=plain , c="x""#, "c").as_deref(), Some("x"));
    }

    #[test]
    fn basic_is_base64() {
        assert_eq!(base64(b"Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(authorization(&Challenge::Basic, "u", "p", "GET", "/", 1), "Basic dTpw");
    }
}
