#pragma once
// A small, strict JSON reader for the feed hot path. parse() turns one frame into a flat array of
// nodes that point back into the frame's bytes: no per-value allocation, and the node array is
// reused from frame to frame, so a parser thread reaches millions of small frames per second
// where QJsonDocument (one heap object per value) manages a few hundred thousand. Strings stay
// raw (escapes resolved only by toQString()); numbers are read with std::from_chars on demand.
// Malformed input (truncation, bad tokens, trailing bytes, nesting deeper than 64) is rejected.
#include <QString>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lhm::feeds {

class FastJson {
public:
    enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

    struct Node {
        Type type = Type::Null;
        bool escaped = false;      // string contains backslash escapes
        std::uint32_t begin = 0;   // String: first byte inside the quotes; Number: first digit; Bool: 1/0
        std::uint32_t end = 0;     // one past the last byte
        std::uint32_t next = 0;    // index of the node after this one's subtree
    };

    class View {
    public:
        View() = default;
        View(const FastJson *doc, std::uint32_t index) : doc_(doc), i_(index) {}
        bool isValid() const { return doc_ != nullptr; }
        Type type() const { return node().type; }
        bool isObject() const { return doc_ && type() == Type::Object; }
        bool isArray() const { return doc_ && type() == Type::Array; }
        bool isString() const { return doc_ && type() == Type::String; }
        bool isNumber() const { return doc_ && type() == Type::Number; }
        bool isBool() const { return doc_ && type() == Type::Bool; }
        bool boolValue() const { return node().begin != 0; }

        // Object member by key (keys are compared raw: exchanges never escape them); invalid if absent.
        View operator[](std::string_view key) const;
        bool contains(std::string_view key) const { return (*this)[key].isValid(); }
        // Raw string content (escapes not resolved) or number text.
        std::string_view raw() const;
        QString toQString() const;
        // A number, or a string holding a number ("61800.30"); false otherwise.
        bool toDouble(double *out) const;

        // Children of an array, in order.
        class Iterator {
        public:
            Iterator(const FastJson *d, std::uint32_t i) : d_(d), i_(i) {}
            View operator*() const { return View(d_, i_); }
            Iterator &operator++() {
                i_ = d_->nodes_[i_].next;
                return *this;
            }
            bool operator!=(const Iterator &o) const { return i_ != o.i_; }

        private:
            const FastJson *d_;
            std::uint32_t i_;
        };
        Iterator begin() const { return Iterator(doc_, isArray() ? i_ + 1 : node().next); }
        Iterator end() const { return Iterator(doc_, node().next); }

    private:
        const Node &node() const { return doc_->nodes_[i_]; }
        const FastJson *doc_ = nullptr;
        std::uint32_t i_ = 0;
    };

    // Parses `text` (which must outlive the views). On failure returns false and error() says why.
    bool parse(std::string_view text);
    View root() const { return nodes_.empty() ? View() : View(this, 0); }
    const char *error() const { return error_; }

private:
    bool value(int depth);
    bool string();
    bool number();
    bool literal(std::string_view word);
    void skipSpace();
    bool fail(const char *why);

    std::string_view text_;
    std::size_t pos_ = 0;
    std::vector<Node> nodes_;
    const char *error_ = nullptr;
};

}  // namespace lhm::feeds
