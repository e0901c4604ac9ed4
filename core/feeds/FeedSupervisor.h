#pragma once
// Collects the health each feed worker reports (state, last message age, messages/s, reconnects,
// parse errors) into one snapshot for the connection lights, the CLI summary and the logs.
#include "feeds/FeedTypes.h"

#include <QList>
#include <QObject>

namespace lhm::feeds {

class FeedSupervisor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    QList<FeedHealth> snapshot() const { return feeds_; }
    const FeedHealth *find(const QString &exchange) const;
    qint64 totalReconnects() const;
    qint64 totalParseErrors() const;
    qint64 totalLiquidations() const;
    void clear() { feeds_.clear(); }

public slots:
    void update(const lhm::feeds::FeedHealth &health);

signals:
    void changed();

private:
    QList<FeedHealth> feeds_;
};

}  // namespace lhm::feeds
