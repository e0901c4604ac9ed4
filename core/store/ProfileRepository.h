#pragma once
// Fitted model profiles (`lhm calibrate`), one per exchange and symbol: the parameters as JSON text
// (core/models/ModelProfile builds and reads it), the training period they were fitted on and the
// training score. A new calibration replaces the symbol's row. Shares the Store's connection.
#include "common/Error.h"
#include "store/Database.h"

#include <QString>
#include <optional>

namespace lhm {

struct ProfileRow {
    QString exchange, symbol;
    QString model;                         // the model the parameters were fitted with
    qint64 fittedFrom = 0, fittedTo = 0;   // training hours [from, to), ms
    qint64 fittedAt = 0;                   // when, ms
    QString params;                        // JSON object
    QString score;                         // JSON object: the training figures
};

class ProfileRepository {
public:
    explicit ProfileRepository(Database &db) : db_(db) {}

    Status save(const ProfileRow &row);
    std::optional<ProfileRow> find(const QString &exchange, const QString &symbol);

private:
    Database &db_;
};

}  // namespace lhm
