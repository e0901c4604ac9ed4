// SQL of the model_profiles table (migration in Schema.cpp).
#include "store/ProfileRepository.h"

namespace lhm {

Status ProfileRepository::save(const ProfileRow &r) {
    Statement st = db_.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO model_profiles(exchange, symbol, model, fitted_from, fitted_to, fitted_at, params, score) "
        "VALUES(?,?,?,?,?,?,?,?)"));
    if (!st.valid()) return Error(QStringLiteral("cannot prepare profile write: %1").arg(db_.lastError()), db_.path());
    st.bind(1, r.exchange).bind(2, r.symbol).bind(3, r.model).bind(4, r.fittedFrom).bind(5, r.fittedTo);
    st.bind(6, r.fittedAt).bind(7, r.params).bind(8, r.score);
    if (!st.run()) return Error(QStringLiteral("cannot store profile: %1").arg(st.lastError()), db_.path());
    return {};
}

std::optional<ProfileRow> ProfileRepository::find(const QString &exchange, const QString &symbol) {
    Statement st = db_.prepare(QStringLiteral(
        "SELECT model, fitted_from, fitted_to, fitted_at, params, score FROM model_profiles WHERE exchange=? AND symbol=?"));
    if (!st.valid()) return std::nullopt;
    st.bind(1, exchange).bind(2, symbol);
    if (!st.step()) return std::nullopt;
    ProfileRow r;
    r.exchange = exchange;
    r.symbol = symbol;
    r.model = st.text(0);
    r.fittedFrom = st.i64(1);
    r.fittedTo = st.i64(2);
    r.fittedAt = st.i64(3);
    r.params = st.text(4);
    r.score = st.text(5);
    return r;
}

}  // namespace lhm
