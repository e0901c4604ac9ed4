#include "config/YamlUtil.h"

#include <QFile>
#include <QStringList>
#include <cmath>
#include <string>

namespace lhm::yaml {

qint64 lineOf(const YAML::Node &node) {
    if (!node.IsDefined()) return 0;
    const YAML::Mark m = node.Mark();
    return m.line < 0 ? 0 : qint64(m.line) + 1;
}

static qint64 lineOf(const YAML::Mark &m) { return m.is_null() || m.line < 0 ? 0 : qint64(m.line) + 1; }

Result<YAML::Node> parse(const QByteArray &text, const QString &fileName) {
    // Config files are a few KB; anything this large is not one (and yaml-cpp holds it all in nodes).
    constexpr qsizetype kMaxYamlBytes = 1 << 20;
    if (text.size() > kMaxYamlBytes)
        return Error(QStringLiteral("larger than %1 bytes: not a config file").arg(kMaxYamlBytes), fileName);
    try {
        return YAML::Load(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        return Error(QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)), fileName,
                     lineOf(e.mark));
    }
}

Result<YAML::Node> loadFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    return parse(f.readAll(), path);
}

static Result<YAML::Node> scalarField(const YAML::Node &map, const char *key, const QString &file) {
    const QString field = QString::fromLatin1(key);
    if (!map.IsMap()) return Error(QStringLiteral("expected a mapping"), file, lineOf(map), field);
    const YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return Error(QStringLiteral("missing"), file, lineOf(map), field);
    if (!v.IsScalar()) return Error(QStringLiteral("expected a single value"), file, lineOf(v), field);
    return v;
}

Result<double> number(const YAML::Node &map, const char *key, const QString &file) {
    auto v = scalarField(map, key, file);
    if (!v) return v.error();
    const QString text = QString::fromStdString(v->Scalar());
    // Binance's raw bracket entries carry numbers as strings ("0.004"); accept both forms but
    // nothing yaml-cpp would stretch into a number, like ".inf" or ".nan".
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return Error(QStringLiteral("'%1' is not a finite number").arg(text), file, lineOf(*v), QString::fromLatin1(key));
    return d;
}

Result<qint64> integer(const YAML::Node &map, const char *key, const QString &file) {
    auto d = number(map, key, file);
    if (!d) return d.error();
    if (*d != std::floor(*d) || std::fabs(*d) > 9e15)
        return Error(QStringLiteral("'%1' is not a whole number").arg(*d), file, lineOf(map[key]), QString::fromLatin1(key));
    return qint64(*d);
}

Result<QString> string(const YAML::Node &map, const char *key, const QString &file) {
    auto v = scalarField(map, key, file);
    if (!v) return v.error();
    const QString s = QString::fromStdString(v->Scalar()).trimmed();
    if (s.isEmpty()) return Error(QStringLiteral("empty"), file, lineOf(*v), QString::fromLatin1(key));
    return s;
}

Status onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed, const QString &file,
                const QString &where) {
    if (!map.IsMap()) return Error(QStringLiteral("expected a mapping%1").arg(where), file, lineOf(map));
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        bool known = false;
        for (const char *a : allowed) known = known || key == a;
        if (!known) {
            QStringList names;
            for (const char *a : allowed) names << QString::fromLatin1(a);
            return Error(QStringLiteral("unknown field%1 (expected one of: %2)").arg(where, names.join(QStringLiteral(", "))),
                         file, lineOf(it->first), QString::fromStdString(key));
        }
    }
    return Status::success();
}

}  // namespace lhm::yaml
