#pragma once
// One alert rule as the user defines it: what to watch (type + parameters), where (symbol,
// exchanges), how to tell (channels) and how often (cooldown, once, expiry). Plain data; the
// evaluator reads it, the store keeps it as a row (AlertRuleRow) with the parameters as JSON.
#include "common/Error.h"
#include "common/Types.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace lhm {
struct AlertRuleRow;
}

namespace lhm::alerts {

enum class RuleType { PriceCross, ClusterNear, Liquidation, Cascade, ClusterConsumed };
constexpr int kRuleTypeCount = 5;
const char *ruleTypeName(RuleType t);  // price_cross, cluster_near, liquidation, cascade, cluster_consumed
bool ruleTypeFromName(const QString &name, RuleType *out);

enum class RuleStatus { Active, Triggered, Snoozed, Expired };
const char *ruleStatusName(RuleStatus s);
bool ruleStatusFromName(const QString &name, RuleStatus *out);

enum class Direction { Above, Below };
enum class SideFilter { Any, Long, Short };
const char *sideFilterName(SideFilter s);
bool sideFilterFromName(const QString &name, SideFilter *out);
inline bool sideMatches(SideFilter f, Side s) {
    return f == SideFilter::Any || (f == SideFilter::Long) == (s == Side::Long);
}

// Delivery channels, a bit set so a rule's list is one integer to test.
enum Channel : unsigned { Desktop = 1, Popup = 2, Webhook = 4, Telegram = 8, Email = 16 };
constexpr unsigned kAllChannels = Desktop | Popup | Webhook | Telegram | Email;
const char *channelName(Channel c);  // desktop, popup, webhook, telegram, email
bool channelFromName(const QString &name, Channel *out);
QStringList channelNames(unsigned mask);
const QStringList &knownExchanges();  // binance, bybit, okx, hyperliquid

// Parameters of every type in one struct; only those of the rule's type are meaningful.
struct RuleParams {
    // price_cross
    double level = 0;
    Direction direction = Direction::Above;
    // cluster_near, cluster_consumed
    double distancePct = 0;
    double minClusterUsd = 0;
    QString model = QStringLiteral("ensemble");
    // cluster_*, liquidation, cascade
    SideFilter side = SideFilter::Any;
    // liquidation
    double minNotional = 0;
    std::optional<double> priceFrom, priceTo;
    // cascade: fires when either threshold that is set (> 0) is reached inside the window
    qint64 count = 0;
    double notional = 0;
    qint64 windowS = 60;
};

struct AlertRule {
    qint64 id = 0;  // 0 until stored
    QString name;
    bool enabled = true;
    QString symbol;            // unified, BTCUSDT
    QStringList exchanges;     // empty = all
    RuleType type = RuleType::PriceCross;
    RuleParams params;
    unsigned channels = Desktop | Popup;
    qint64 cooldownMs = 5000;  // 0 = off
    bool once = false;
    qint64 expiresAt = 0;      // ms; 0 = never
    qint64 snoozedUntil = 0;   // ms; 0 = not snoozed
    RuleStatus status = RuleStatus::Active;
    QString webhookUrl;        // per-rule webhook (else the webhook channel's default URL)
    QString webhookSecretRef;  // where the HMAC secret lives (SecretVault reference), never the secret
    qint64 createdAt = 0, updatedAt = 0, lastFiredAt = 0;
    qint64 fireCount = 0;

    bool matchesExchange(const QString &exchange) const {
        return exchanges.isEmpty() || exchanges.contains(exchange);
    }
    // Active right now: enabled, not triggered (once), not expired, not snoozed.
    bool armed(qint64 nowMs) const;
    // The status a viewer should see at nowMs (expiry and snooze are time-dependent).
    RuleStatus effectiveStatus(qint64 nowMs) const;
    QString exchangeText() const { return exchanges.isEmpty() ? QStringLiteral("all") : exchanges.join(u','); }

    // Checks every field; the error names the CLI flag's field ("level", "min_notional", ...).
    Status validate() const;
    QJsonObject paramsJson() const;                  // only the type's own parameters
    Status setParamsJson(const QJsonObject &params); // inverse of paramsJson (missing keys keep defaults)
    // The rule as `lhm alerts list --json` prints it (secrets never included, URLs redacted).
    QJsonObject toJson() const;

    AlertRuleRow toRow() const;
    static Result<AlertRule> fromRow(const AlertRuleRow &row);
};

}  // namespace lhm::alerts
