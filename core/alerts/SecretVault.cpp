#include "alerts/SecretVault.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace lhm::alerts {

namespace {

const QString kService = QStringLiteral("liquidationheatmap");
const QString kKeychainPrefix = QStringLiteral("keychain:");
const QString kEnvPrefix = QStringLiteral("env:");
constexpr int kKeychainTimeoutMs = 10000;

// qtkeychain jobs finish through the event loop; a short local loop keeps the callers simple.
// Callers are the CLI and worker threads, never the UI thread.
bool runJob(QKeychain::Job *job, QString *error) {
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    loop.exec();
    const bool done = job->error() == QKeychain::NoError;
    if (!done && error) *error = job->errorString().isEmpty() ? QStringLiteral("keychain did not answer") : job->errorString();
    return done;
}

}  // namespace

bool SecretVault::keychainEnabled() {
    return qEnvironmentVariable("LHM_KEYCHAIN").compare(QLatin1String("off"), Qt::CaseInsensitive) != 0;
}

Result<QString> SecretVault::put(const QString &key, const QString &secret, const QString &envVar, QString *warning) {
    if (secret.isEmpty()) return Error(QStringLiteral("environment variable %1 is empty or not set").arg(envVar));
    QString why = QStringLiteral("LHM_KEYCHAIN=off");
    if (keychainEnabled()) {
        QKeychain::WritePasswordJob job(kService);
        job.setKey(key);
        job.setTextData(secret);
        if (runJob(&job, &why)) return kKeychainPrefix + key;
    }
    if (warning)
        *warning = QStringLiteral("no keychain available (%1): the secret is not saved; it will be read from $%2 each time "
                                  "alerts run, so keep that variable set")
                       .arg(why, envVar);
    return kEnvPrefix + envVar;
}

Result<QString> SecretVault::get(const QString &reference) {
    if (reference.startsWith(kEnvPrefix)) {
        const QString var = reference.mid(kEnvPrefix.size());
        const QString value = qEnvironmentVariable(var.toLocal8Bit().constData());
        if (value.isEmpty()) return Error(QStringLiteral("secret expected in $%1, which is not set").arg(var));
        return value;
    }
    if (reference.startsWith(kKeychainPrefix)) {
        const QString key = reference.mid(kKeychainPrefix.size());
        if (!keychainEnabled()) return Error(QStringLiteral("secret '%1' is in the keychain, but LHM_KEYCHAIN=off").arg(key));
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(key);
        QString why;
        if (!runJob(&job, &why)) return Error(QStringLiteral("cannot read secret '%1' from the keychain: %2").arg(key, why));
        return job.textData();
    }
    return Error(QStringLiteral("unknown secret reference '%1'").arg(reference.section(u':', 0, 0)));
}

void SecretVault::remove(const QString &reference) {
    if (!reference.startsWith(kKeychainPrefix) || !keychainEnabled()) return;
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(reference.mid(kKeychainPrefix.size()));
    runJob(&job, nullptr);
}

}  // namespace lhm::alerts
