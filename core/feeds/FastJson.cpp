#include "feeds/FastJson.h"

#include <cctype>
#include <charconv>

namespace lhm::feeds {

bool FastJson::fail(const char *why) {
    error_ = why;
    return false;
}

void FastJson::skipSpace() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
        ++pos_;
    }
}

bool FastJson::parse(std::string_view text) {
    text_ = text;
    pos_ = 0;
    nodes_.clear();
    error_ = nullptr;
    if (text.size() >= UINT32_MAX) return fail("frame too large");
    skipSpace();
    if (!value(0)) return false;
    skipSpace();
    if (pos_ != text_.size()) return fail("unexpected bytes after the JSON value");
    return true;
}

bool FastJson::literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail("invalid literal");
    pos_ += word.size();
    return true;
}

bool FastJson::string() {
    // pos_ is on the opening quote.
    Node n;
    n.type = Type::String;
    n.begin = std::uint32_t(++pos_);
    while (pos_ < text_.size()) {
        const unsigned char c = static_cast<unsigned char>(text_[pos_]);
        if (c == '"') {
            n.end = std::uint32_t(pos_++);
            n.next = std::uint32_t(nodes_.size() + 1);
            nodes_.push_back(n);
            return true;
        }
        if (c < 0x20) return fail("control character in string");
        if (c == '\\') {
            n.escaped = true;
            if (++pos_ >= text_.size()) break;
            const char e = text_[pos_];
            if (e == 'u') {
                if (pos_ + 4 >= text_.size()) break;
                for (int k = 1; k <= 4; ++k)
                    if (!std::isxdigit(static_cast<unsigned char>(text_[pos_ + size_t(k)]))) return fail("bad \\u escape");
                pos_ += 4;
            } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                return fail("bad escape");
            }
        }
        ++pos_;
    }
    return fail("unterminated string");
}

bool FastJson::number() {
    const std::size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    const std::size_t intStart = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    if (pos_ == intStart) return fail("bad number");
    if (text_[intStart] == '0' && pos_ - intStart > 1) return fail("leading zero");
    if (pos_ < text_.size() && text_[pos_] == '.') {
        const std::size_t f = ++pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        if (pos_ == f) return fail("bad fraction");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
        const std::size_t e = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        if (pos_ == e) return fail("bad exponent");
    }
    Node n;
    n.type = Type::Number;
    n.begin = std::uint32_t(start);
    n.end = std::uint32_t(pos_);
    n.next = std::uint32_t(nodes_.size() + 1);
    nodes_.push_back(n);
    return true;
}

bool FastJson::value(int depth) {
    if (depth > 64) return fail("nested too deeply");
    if (pos_ >= text_.size()) return fail("unexpected end");
    const char c = text_[pos_];
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    if (c == 't' || c == 'f' || c == 'n') {
        Node n;
        n.type = c == 'n' ? Type::Null : Type::Bool;
        n.begin = c == 't';
        n.next = std::uint32_t(nodes_.size() + 1);
        if (!literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return false;
        nodes_.push_back(n);
        return true;
    }
    if (c != '{' && c != '[') return fail("unexpected character");
    const bool object = c == '{';
    const std::size_t self = nodes_.size();
    Node n;
    n.type = object ? Type::Object : Type::Array;
    n.begin = std::uint32_t(pos_++);
    nodes_.push_back(n);
    skipSpace();
    const char close = object ? '}' : ']';
    if (pos_ < text_.size() && text_[pos_] == close) {
        ++pos_;
    } else {
        for (;;) {
            if (object) {
                if (pos_ >= text_.size() || text_[pos_] != '"') return fail(pos_ >= text_.size() ? "unexpected end" : "expected a key");
                if (!string()) return false;
                skipSpace();
                if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':'");
                ++pos_;
                skipSpace();
            }
            if (!value(depth + 1)) return false;
            skipSpace();
            if (pos_ >= text_.size()) return fail("unexpected end");
            if (text_[pos_] == ',') {
                ++pos_;
                skipSpace();
                continue;
            }
            if (text_[pos_] != close) return fail("expected ',' or a closing bracket");
            ++pos_;
            break;
        }
    }
    nodes_[self].end = std::uint32_t(pos_);
    nodes_[self].next = std::uint32_t(nodes_.size());
    return true;
}

FastJson::View FastJson::View::operator[](std::string_view key) const {
    if (!isObject()) return {};
    const std::uint32_t end = node().next;
    std::uint32_t k = i_ + 1;
    while (k < end) {
        const Node &kn = doc_->nodes_[k];
        const std::uint32_t v = k + 1;
        if (doc_->text_.substr(kn.begin, kn.end - kn.begin) == key) return View(doc_, v);
        k = doc_->nodes_[v].next;
    }
    return {};
}

std::string_view FastJson::View::raw() const {
    if (!doc_) return {};
    const Node &n = node();
    if (n.type != Type::String && n.type != Type::Number) return {};
    return doc_->text_.substr(n.begin, n.end - n.begin);
}

QString FastJson::View::toQString() const {
    const std::string_view r = raw();
    if (!doc_ || !node().escaped) return QString::fromUtf8(r.data(), qsizetype(r.size()));
    // Rare: resolve escapes. \uXXXX pairs become UTF-16 code units (surrogates included).
    QString out;
    std::string pending;
    const auto flush = [&] {
        out += QString::fromUtf8(pending.data(), qsizetype(pending.size()));
        pending.clear();
    };
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (r[i] != '\\') {
            pending += r[i];
            continue;
        }
        const char e = r[++i];
        switch (e) {
        case 'b': pending += '\b'; break;
        case 'f': pending += '\f'; break;
        case 'n': pending += '\n'; break;
        case 'r': pending += '\r'; break;
        case 't': pending += '\t'; break;
        case 'u': {
            flush();
            unsigned v = 0;
            std::from_chars(r.data() + i + 1, r.data() + i + 5, v, 16);
            out += QChar(char16_t(v));
            i += 4;
            break;
        }
        default: pending += e;  // " \ /
        }
    }
    flush();
    return out;
}

bool FastJson::View::toDouble(double *out) const {
    if (!doc_ || node().escaped) return false;
    const std::string_view r = raw();
    if (r.empty()) return false;
    const char *first = r.data();
    if (*first == '+') return false;
    const auto res = std::from_chars(first, r.data() + r.size(), *out);
    return res.ec == std::errc() && res.ptr == r.data() + r.size();
}

}  // namespace lhm::feeds
