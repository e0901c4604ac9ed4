#include "analysis/RuleExpression.h"

#include <muParser.h>

#include <QRegularExpression>

#include <limits>

namespace lhm {

namespace {
const char *const kNames[] = {"open",         "high",         "low",           "close",     "dist_long_cluster_pct",
                              "dist_short_cluster_pct", "long_cluster_usd", "short_cluster_usd", "realised_long_usd",
                              "realised_short_usd", "confidence", "signal", "oi_change_pct", "funding", "in_position"};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == size_t(RuleVar::Count));
}  // namespace

QStringList ruleVariableNames() {
    QStringList out;
    for (const char *n : kNames) out << QString::fromLatin1(n);
    return out;
}

RuleExpression::RuleExpression() : parser_(std::make_unique<mu::Parser>()) {}
RuleExpression::~RuleExpression() = default;

Result<std::shared_ptr<RuleExpression>> RuleExpression::compile(const QString &text, const QString &name) {
    if (text.trimmed().isEmpty()) return Error(QStringLiteral("empty expression"), {}, 0, name);
    if (text.size() > 2000) return Error(QStringLiteral("expression longer than 2000 characters"), {}, 0, name);
    std::shared_ptr<RuleExpression> e(new RuleExpression());
    try {
        for (size_t i = 0; i < size_t(RuleVar::Count); ++i) e->parser_->DefineVar(kNames[i], &e->vars_[i]);
        // Words read better than symbols in rules typed by traders. The replacements keep every
        // character's position ("and" -> "&& ", "or" -> "||"), so error positions match the user's text.
        QString expr = text;
        expr.replace(QRegularExpression(QStringLiteral("\\band\\b")), QStringLiteral("&& "));
        expr.replace(QRegularExpression(QStringLiteral("\\bor\\b")), QStringLiteral("||"));
        e->parser_->SetExpr(expr.toStdString());
        e->parser_->Eval();  // compiles; throws on syntax errors and unknown names
    } catch (const mu::Parser::exception_type &x) {
        const QString token = QString::fromStdString(x.GetToken());
        const int pos = int(x.GetPos()) + 1;
        QString msg;
        switch (x.GetCode()) {
        case mu::ecUNASSIGNABLE_TOKEN:
            msg = QStringLiteral("unknown name '%1' at position %2 (variables: %3)")
                      .arg(token).arg(pos).arg(ruleVariableNames().join(QStringLiteral(", ")));
            break;
        default:
            msg = QStringLiteral("%1 (at position %2%3)")
                      .arg(QString::fromStdString(x.GetMsg()))
                      .arg(pos)
                      .arg(token.isEmpty() ? QString() : QStringLiteral(", near '%1'").arg(token));
        }
        return Error(msg, {}, 0, name);
    }
    return e;
}

double RuleExpression::evaluate() {
    try {
        return parser_->Eval();
    } catch (const mu::Parser::exception_type &) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

}  // namespace lhm
