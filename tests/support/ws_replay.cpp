// ws_replay [--rate N] [--match TEXT]... [--config-dir DIR] FILE...: serves recorded exchange
// frames on 127.0.0.1 (a WsReplayServer) so live mode can be tried by hand and screenshotted
// against real captures without the network. FILE is JSON lines, or the hftbacktest capture
// layout "<receive ns> <frame>" (.gz read as gzip). With --config-dir it writes DIR/exchanges.yaml
// pointing Binance at this server (REST at a closed port: no backfill), for LHM_CONFIG_DIR=DIR.
#include "TestSupport.h"
#include "RecordedFrames.h"
#include "WsReplayServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream err(stderr), out(stdout);
    QStringList args = app.arguments().mid(1), files, match;
    QString configDir;
    int rate = 200;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--rate") && hasValue) rate = args[++i].toInt();
        else if (a == QLatin1String("--match") && hasValue) match << args[++i];
        else if (a == QLatin1String("--config-dir") && hasValue) configDir = args[++i];
        else if (a.startsWith(QLatin1Char('-'))) {
            err << "usage: ws_replay [--rate N] [--match TEXT]... [--config-dir DIR] FILE...\n";
            return 2;
        } else files << a;
    }
    QStringList frames;
    for (const QString &f : files) {
        const QByteArray bytes = f.endsWith(QLatin1String(".gz")) ? lhm::test::gunzipFile(f) : lhm::test::readFile(f);
        if (bytes.isEmpty()) {
            err << "cannot read " << f << '\n';
            return 1;
        }
        for (QByteArray line : bytes.split('\n')) {
            line = line.trimmed();
            if (!line.isEmpty() && line.front() >= '0' && line.front() <= '9') line = line.mid(line.indexOf(' ') + 1);
            if (line.isEmpty()) continue;
            const QString frame = QString::fromUtf8(line);
            if (match.isEmpty() || std::any_of(match.begin(), match.end(), [&](const QString &m) { return frame.contains(m); }))
                frames << frame;
        }
    }
    lhm::test::WsReplayServer server(frames);
    server.setRate(rate);
    if (!server.listen()) {
        err << "cannot listen on 127.0.0.1\n";
        return 1;
    }
    if (!configDir.isEmpty() && !(QDir().mkpath(configDir) && lhm::test::writeBinanceReplayConfig(configDir, server.url()))) {
        err << "cannot write " << configDir << "/exchanges.yaml\n";
        return 1;
    }
    out << server.url().toString() << ' ' << frames.size() << " frames\n";
    out.flush();
    return app.exec();
}
