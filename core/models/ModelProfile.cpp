#include "models/ModelProfile.h"

#include "models/BookRule.h"
#include "models/LeverageLadder.h"
#include "models/SideRule.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <cmath>

namespace lhm {

namespace {
QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate); }
double rounded(double v) { return std::round(v * 10000.0) / 10000.0; }
}  // namespace

QString leverageWeightsText(const std::vector<std::pair<double, double>> &weights) {
    QStringList out;
    for (const auto &[lev, w] : weights) out << QString::number(lev, 'g', 10) + QLatin1Char(':') + QString::number(w, 'g', 10);
    return out.join(QLatin1Char(','));
}

ModelProfile ModelProfile::fromParams(const ModelParams &p) {
    ModelProfile m;
    m.book = p.book;
    m.sideRule = p.sideRule;
    m.entrySpread = p.entrySpread;
    m.turnover = p.turnover;
    m.leverageWeights = p.leverageWeights;
    return m;
}

void ModelProfile::applyTo(ModelParams &p) const {
    p.book = book;
    p.sideRule = sideRule;
    p.entrySpread = entrySpread;
    p.turnover = turnover;
    p.leverageWeights = leverageWeights;
}

QJsonObject ModelProfile::toJson() const {
    QJsonObject params{{QStringLiteral("book"), book},
                       {QStringLiteral("side_rule"), sideRule},
                       {QStringLiteral("entry_spread"), entrySpread},
                       {QStringLiteral("turnover"), turnover},
                       {QStringLiteral("leverage_weights"), leverageWeightsText(leverageWeights)}};
    QJsonObject train{{QStringLiteral("n"), n},
                      {QStringLiteral("spearman"), rounded(spearman)},
                      {QStringLiteral("baseline_spearman"), rounded(baselineSpearman)},
                      {QStringLiteral("diff_ci95"), QJsonArray{rounded(diffLo), rounded(diffHi)}}};
    return {{QStringLiteral("exchange"), exchange},   {QStringLiteral("symbol"), symbol},
            {QStringLiteral("model"), model},         {QStringLiteral("fitted_from"), iso(fittedFrom)},
            {QStringLiteral("fitted_to"), iso(fittedTo)}, {QStringLiteral("fitted_at"), iso(fittedAt)},
            {QStringLiteral("params"), params},       {QStringLiteral("train"), train}};
}

ProfileRow ModelProfile::toRow() const {
    ProfileRow r;
    r.exchange = exchange;
    r.symbol = symbol;
    r.model = model;
    r.fittedFrom = fittedFrom;
    r.fittedTo = fittedTo;
    r.fittedAt = fittedAt;
    const QJsonObject j = toJson();
    r.params = QString::fromUtf8(QJsonDocument(j[QStringLiteral("params")].toObject()).toJson(QJsonDocument::Compact));
    r.score = QString::fromUtf8(QJsonDocument(j[QStringLiteral("train")].toObject()).toJson(QJsonDocument::Compact));
    return r;
}

Result<ModelProfile> ModelProfile::fromRow(const ProfileRow &row) {
    ModelProfile m;
    m.exchange = row.exchange;
    m.symbol = row.symbol;
    m.model = row.model;
    m.fittedFrom = row.fittedFrom;
    m.fittedTo = row.fittedTo;
    m.fittedAt = row.fittedAt;
    const QJsonObject p = QJsonDocument::fromJson(row.params.toUtf8()).object();
    const QJsonObject t = QJsonDocument::fromJson(row.score.toUtf8()).object();
    m.book = p[QStringLiteral("book")].toString();
    m.sideRule = p[QStringLiteral("side_rule")].toString();
    m.entrySpread = p[QStringLiteral("entry_spread")].toInt(-1);
    m.turnover = p[QStringLiteral("turnover")].toDouble(-1);
    auto weights = parseLeverageWeights(p[QStringLiteral("leverage_weights")].toString());
    if (!parseBookRule(m.book) || !parseSideRule(m.sideRule) || m.entrySpread < 0 || m.turnover < 0 || !weights)
        return Error(QStringLiteral("the stored profile of %1 %2 is unreadable; run lhm calibrate again").arg(row.exchange, row.symbol));
    m.leverageWeights = *weights;
    m.n = t[QStringLiteral("n")].toInt();
    m.spearman = t[QStringLiteral("spearman")].toDouble();
    m.baselineSpearman = t[QStringLiteral("baseline_spearman")].toDouble();
    const QJsonArray ci = t[QStringLiteral("diff_ci95")].toArray();
    m.diffLo = ci.at(0).toDouble();
    m.diffHi = ci.at(1).toDouble();
    return m;
}

std::optional<ModelProfile> storedProfile(Store &store, const QString &exchange, const QString &symbol) {
    auto row = store.profileRepository().find(exchange, symbol);
    if (!row) return std::nullopt;
    auto profile = ModelProfile::fromRow(*row);
    if (!profile) return std::nullopt;
    return *profile;
}

}  // namespace lhm
