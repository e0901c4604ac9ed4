#pragma once
// Validates JSON responses against docs/openapi.yaml: the subset of OpenAPI 3.0 / JSON Schema the
// document uses ($ref, type, nullable, enum, required, properties, additionalProperties: false,
// items, oneOf, allOf, minimum, maximum, pattern). Unknown keywords fail loudly, so the document
// cannot grow a rule the check silently ignores.
#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>
#include <optional>
#include <string>

namespace lhm::test {

class OpenApiCheck {
public:
    explicit OpenApiCheck(const QString &path) : root_(YAML::LoadFile(path.toStdString())) {}

    // Problems of `body` as the response of `method path` with `status` (empty = valid). `path` is
    // concrete (/alerts/3); templates like /alerts/{id} match it.
    QStringList check(const QString &method, const QString &path, int status, const QByteArray &body) const {
        const std::optional<YAML::Node> found = operation(method, path);
        if (!found) return {QStringLiteral("%1 %2 is not in the document").arg(method, path)};
        const YAML::Node op = *found;
        const YAML::Node raw = op["responses"][std::to_string(status)];
        if (!raw) return {QStringLiteral("%1 %2: status %3 is not documented").arg(method, path).arg(status)};
        const YAML::Node resp = resolve(raw);
        const YAML::Node schema = resp["content"]["application/json"]["schema"];
        if (!schema) return {};
        return validate(body, schema);
    }

    // Problems of `body` against components/schemas/<name>.
    QStringList checkSchema(const QString &name, const QByteArray &body) const {
        return validate(body, root_["components"]["schemas"][name.toStdString()]);
    }

private:
    QStringList validate(const QByteArray &body, const YAML::Node &schema) const {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
        if (e.error != QJsonParseError::NoError) return {QStringLiteral("not JSON: %1").arg(e.errorString())};
        const QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        QStringList problems;
        walk(v, schema, QStringLiteral("$"), problems);
        return problems;
    }

    std::optional<YAML::Node> operation(const QString &method, const QString &path) const {
        for (const auto &kv : root_["paths"]) {
            const QString tmpl = QString::fromStdString(kv.first.as<std::string>());
            QString re = QRegularExpression::escape(tmpl);
            re.replace(QRegularExpression(QStringLiteral(R"(\\\{[a-z_]+\\\})")), QStringLiteral("[^/]+"));
            if (QRegularExpression(QStringLiteral("^") + re + QStringLiteral("$")).match(path).hasMatch()) {
                const YAML::Node op = kv.second[method.toLower().toStdString()];
                if (op) return op;
            }
        }
        return std::nullopt;
    }

    // yaml-cpp's Node::operator= writes through to the node referred to: walking uses reset().
    YAML::Node resolve(const YAML::Node &start) const {
        YAML::Node n;
        n.reset(start);
        while (n.IsMap() && n["$ref"]) {
            const std::string ref = n["$ref"].as<std::string>();  // #/components/schemas/X
            YAML::Node cur;
            cur.reset(root_);
            size_t from = 2;
            while (from < ref.size()) {
                const size_t slash = ref.find('/', from);
                const std::string part = ref.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
                const YAML::Node next = static_cast<const YAML::Node &>(cur)[part];
                cur.reset(next);
                if (slash == std::string::npos) break;
                from = slash + 1;
            }
            n.reset(cur);
        }
        return n;
    }

    static QString str(const YAML::Node &n) { return QString::fromStdString(n.as<std::string>()); }

    bool typeMatches(const QJsonValue &v, const QString &type) const {
        if (type == QLatin1String("object")) return v.isObject();
        if (type == QLatin1String("array")) return v.isArray();
        if (type == QLatin1String("string")) return v.isString();
        if (type == QLatin1String("boolean")) return v.isBool();
        if (type == QLatin1String("number")) return v.isDouble();
        if (type == QLatin1String("integer")) return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
        return false;
    }

    void walk(const QJsonValue &v, const YAML::Node &raw, const QString &at, QStringList &problems) const {
        const YAML::Node schema = resolve(raw);
        if (!schema || !schema.IsMap()) {
            problems << at + QStringLiteral(": no schema");
            return;
        }
        static const QStringList known{"type", "nullable", "enum", "required", "properties", "additionalProperties", "items",
                                       "oneOf", "allOf", "minimum", "maximum", "pattern", "description", "default"};
        for (const auto &kv : schema)
            if (!known.contains(str(kv.first))) problems << at + QStringLiteral(": unsupported keyword ") + str(kv.first);
        if (v.isNull()) {
            if (!(schema["nullable"] && schema["nullable"].as<bool>())) problems << at + QStringLiteral(": null where not nullable");
            return;
        }
        if (schema["allOf"])
            for (const auto &s : schema["allOf"]) walk(v, s, at, problems);
        if (schema["oneOf"]) {
            int matches = 0;
            for (const auto &s : schema["oneOf"]) {
                QStringList sub;
                walk(v, s, at, sub);
                matches += sub.isEmpty();
            }
            if (matches != 1) problems << at + QStringLiteral(": matches %1 of oneOf").arg(matches);
        }
        if (schema["type"] && !typeMatches(v, str(schema["type"]))) {
            problems << at + QStringLiteral(": not a ") + str(schema["type"]);
            return;
        }
        if (schema["enum"]) {
            bool found = false;
            for (const auto &e : schema["enum"]) {
                const QString want = str(e);
                if (v.isString() && v.toString() == want) found = true;
                if (v.isBool() && (want == QLatin1String("true")) == v.toBool()) found = true;
            }
            if (!found) problems << at + QStringLiteral(": value not in enum");
        }
        if (schema["minimum"] && v.isDouble() && v.toDouble() < schema["minimum"].as<double>()) problems << at + QStringLiteral(": below minimum");
        if (schema["maximum"] && v.isDouble() && v.toDouble() > schema["maximum"].as<double>()) problems << at + QStringLiteral(": above maximum");
        if (schema["pattern"] && v.isString() && !QRegularExpression(str(schema["pattern"])).match(v.toString()).hasMatch())
            problems << at + QStringLiteral(": does not match pattern");
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (schema["required"])
                for (const auto &r : schema["required"])
                    if (!o.contains(str(r))) problems << at + QStringLiteral(": missing ") + str(r);
            const YAML::Node props = schema["properties"];
            const bool closed = schema["additionalProperties"] && !schema["additionalProperties"].as<bool>();
            for (auto it = o.begin(); it != o.end(); ++it) {
                // (A default-constructed YAML::Node is a defined null, so "no property" is spelled out.)
                const bool documented = props && props[it.key().toStdString()];
                if (documented) walk(it.value(), props[it.key().toStdString()], at + u'.' + it.key(), problems);
                else if (closed) problems << at + QStringLiteral(": undocumented key ") + it.key();
            }
        }
        if (v.isArray() && schema["items"]) {
            const QJsonArray a = v.toArray();
            // Big matrices: checking a sample of rows keeps the test fast and still sees their shape.
            const int step = std::max<int>(1, int(a.size()) / 50);
            for (int i = 0; i < a.size(); i += step) walk(a.at(i), schema["items"], at + QStringLiteral("[%1]").arg(i), problems);
        }
    }

    YAML::Node root_;
};

}  // namespace lhm::test
