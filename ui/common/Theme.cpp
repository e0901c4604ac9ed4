#include "common/Theme.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <qcustomplot.h>

// The resources live in the static lhm_ui library: register them explicitly, or the linker may
// drop them. Q_INIT_RESOURCE must be used outside any namespace.
static void initResources() { Q_INIT_RESOURCE(resources); }

namespace lhm::ui {

namespace {
Theme::Kind g_kind = Theme::Dark;

const PlotPalette kDark{QColor(0x0d, 0x11, 0x17), QColor(0x16, 0x1b, 0x22), QColor(0x48, 0x4f, 0x58),
                        QColor(0xc9, 0xd1, 0xd9), QColor(0x21, 0x26, 0x2d), QColor(0x16, 0x1b, 0x22),
                        QColor(0x26, 0xa6, 0x9a), QColor(0xef, 0x53, 0x50), QColor(0xff, 0xff, 0xff),
                        QColor(0xff, 0x6b, 0x6b), QColor(0x3f, 0xd0, 0xa8), QColor(255, 80, 80, 45)};
const PlotPalette kLight{QColor(0xff, 0xff, 0xff), QColor(0xf6, 0xf8, 0xfa), QColor(0x8c, 0x95, 0x9f),
                         QColor(0x24, 0x29, 0x2f), QColor(0xe1, 0xe4, 0xe8), QColor(0xf0, 0xf2, 0xf4),
                         QColor(0x08, 0x99, 0x81), QColor(0xd3, 0x2f, 0x2f), QColor(0x11, 0x11, 0x11),
                         QColor(0xd3, 0x2f, 0x2f), QColor(0x08, 0x99, 0x81), QColor(220, 40, 40, 40)};
}  // namespace

Theme::Kind Theme::current() { return g_kind; }
QString Theme::name(Kind k) { return k == Light ? QStringLiteral("light") : QStringLiteral("dark"); }
Theme::Kind Theme::fromName(const QString &name) { return name == QLatin1String("light") ? Light : Dark; }
const PlotPalette &Theme::palette() { return g_kind == Light ? kLight : kDark; }

void Theme::apply(Kind k) {
    static const bool registered = (initResources(), true);
    Q_UNUSED(registered);
    g_kind = k;
    QFile f(k == Light ? QStringLiteral(":/styles/light.qss") : QStringLiteral(":/styles/dark.qss"));
    QString qss;
    if (f.open(QIODevice::ReadOnly)) qss = QString::fromUtf8(f.readAll());
    const PlotPalette &p = palette();
    QPalette pal;
    pal.setColor(QPalette::Window, p.background);
    pal.setColor(QPalette::Base, p.background);
    pal.setColor(QPalette::AlternateBase, p.panel);
    pal.setColor(QPalette::WindowText, p.text);
    pal.setColor(QPalette::Text, p.text);
    pal.setColor(QPalette::ButtonText, p.text);
    pal.setColor(QPalette::Button, p.panel);
    pal.setColor(QPalette::ToolTipBase, p.panel);
    pal.setColor(QPalette::ToolTipText, p.text);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        app->setPalette(pal);
        app->setStyleSheet(qss);
    }
}

QCPColorGradient Theme::heatGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.00, QColor(0x1a, 0x0b, 0x33));
    g.setColorStopAt(0.20, QColor(0x4a, 0x14, 0x86));
    g.setColorStopAt(0.45, QColor(0x2b, 0x5f, 0xd0));
    g.setColorStopAt(0.70, QColor(0x18, 0xb0, 0xa6));
    g.setColorStopAt(0.88, QColor(0x9b, 0xdb, 0x4c));
    g.setColorStopAt(1.00, QColor(0xfd, 0xe7, 0x25));
    g.setLevelCount(256);
    return g;
}

void Theme::styleAxis(QCPAxis *a) {
    const PlotPalette &p = palette();
    a->setBasePen(QPen(p.axis));
    a->setTickPen(QPen(p.axis));
    a->setSubTickPen(QPen(p.axis));
    a->setTickLabelColor(p.text);
    a->setLabelColor(p.text);
    a->grid()->setPen(QPen(p.grid, 1, Qt::DotLine));
    a->grid()->setZeroLinePen(Qt::NoPen);
}

void Theme::stylePlot(QCustomPlot *plot) {
    const PlotPalette &p = palette();
    // Crisp on HiDPI screens, including fractional scale factors.
    plot->setBufferDevicePixelRatio(plot->devicePixelRatioF());
    plot->setBackground(p.background);
    for (QCPAxisRect *r : plot->axisRects()) {
        r->setBackground(p.background);
        for (QCPAxis *a : r->axes()) styleAxis(a);
    }
    if (plot->legend) {
        plot->legend->setBrush(QColor(p.panel.red(), p.panel.green(), p.panel.blue(), 220));
        plot->legend->setBorderPen(QPen(p.axis));
        plot->legend->setTextColor(p.text);
    }
}

}  // namespace lhm::ui
