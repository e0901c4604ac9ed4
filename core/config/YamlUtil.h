#pragma once
// Small helpers shared by the yaml-cpp loaders in core/config: they turn yaml-cpp exceptions and
// missing or malformed fields into Error values that name the file, the 1-based line and the field,
// so every config loader reports problems the same way and none lets an exception escape.
#include "common/Error.h"

#include <QByteArray>
#include <QString>
#include <initializer_list>
#include <yaml-cpp/yaml.h>

namespace lhm::yaml {

// 1-based line of a node as yaml-cpp marks it (Mark().line is 0-based); 0 when the node has no mark.
qint64 lineOf(const YAML::Node &node);

// Parses YAML text; a syntax error becomes an Error with the file and line.
Result<YAML::Node> parse(const QByteArray &text, const QString &fileName);
// Reads a file and parses it; an unreadable file is an Error naming it.
Result<YAML::Node> loadFile(const QString &path);

// Reads map[key] as a finite number. A missing key is reported on the map's line, a bad value on its own.
Result<double> number(const YAML::Node &map, const char *key, const QString &file);
// Reads map[key] as a whole number (e.g. "125", "125.0"; not "12.5").
Result<qint64> integer(const YAML::Node &map, const char *key, const QString &file);
// Reads map[key] as a non-empty scalar string.
Result<QString> string(const YAML::Node &map, const char *key, const QString &file);
// Refuses any key of `map` not in `allowed`, on the key's own line: a typo like `maintMarginRate`
// must not silently drop a field.
Status onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed, const QString &file,
                const QString &where = {});

}  // namespace lhm::yaml
