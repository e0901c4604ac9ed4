#pragma once
// One light per exchange feed: green (live), amber (connecting or quiet for a while), red
// (reconnecting after a failure, or stopped while live mode is on), grey once live mode is turned
// off (an intended stop is not an error). The tooltip shows the supervisor's numbers: state,
// last message age, messages/s, reconnects, parse errors. Hyperliquid's says it has no public
// liquidation stream.
#include "feeds/FeedTypes.h"

#include <QColor>
#include <QList>
#include <QMap>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace lhm::feeds {
class LiveController;
}

namespace lhm::ui {

class ConnectionLights : public QWidget {
    Q_OBJECT
public:
    enum class Light { Green, Amber, Red, Off };

    explicit ConnectionLights(QWidget *parent = nullptr);

    void connectTo(lhm::feeds::LiveController *controller);
    void setHealth(const QList<lhm::feeds::FeedHealth> &feeds);
    // Off: live mode is off; the lights turn grey ("off"), health reports are ignored until on.
    // Hidden until live mode was first turned on.
    void setActive(bool on);
    bool isActive() const { return active_; }

    static Light lightFor(const lhm::feeds::FeedHealth &h);
    static QColor colorOf(Light l);
    static QString tooltipFor(const lhm::feeds::FeedHealth &h);

    // For tests and screenshots: the light currently shown for an exchange.
    Light light(const QString &exchange) const;
    QString tooltip(const QString &exchange) const;

private:
    QHBoxLayout *layout_ = nullptr;
    struct Entry {
        QWidget *box = nullptr;  // carries the tooltip
        QLabel *dot = nullptr;
        Light light = Light::Red;
    };
    QMap<QString, Entry> entries_;
    bool active_ = false;
    bool off_ = false;  // turned off by the trader: grey, health reports ignored
};

}  // namespace lhm::ui
