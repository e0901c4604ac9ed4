// make_vision_mirror <dir>: lays out the data.binance.vision-style mirror (see VisionMirror.h) so a
// developer can serve it (python3 -m http.server) to `lhm download --base-url`, or `lhm import` it.
#include "VisionMirror.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 2 || args[1].startsWith(QLatin1Char('-'))) {
        err << "usage: make_vision_mirror <dir>\n";
        return 2;
    }
    const lhm::Status s = lhm::test::buildVisionMirror(args[1]);
    if (!s) {
        err << s.error().toString() << '\n';
        return 1;
    }
    QTextStream(stdout) << "mirror written to " << QDir(args[1]).absolutePath() << "\nimport it with: lhm import "
                        << QDir(args[1]).absolutePath() << '\n';
    return 0;
}
