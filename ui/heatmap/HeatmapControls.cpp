#include "heatmap/HeatmapControls.h"

#include "common/ElidedLabel.h"

#include <QButtonGroup>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace lhm::ui {

HeatmapControls::HeatmapControls(QWidget *parent) : QWidget(parent) {
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(6, 2, 6, 2);
    // Elided with the full text in its tooltip: at 1280x720 the whole title did not fit beside the
    // buttons and was cut mid-word (or widened the window past the screen).
    title_ = new ElidedLabel(this);
    title_->setObjectName(QStringLiteral("viewTitle"));
    h->addWidget(title_, 1);
    auto *group = new QButtonGroup(this);
    auto mk = [&](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setCheckable(true);
        group->addButton(b);
        h->addWidget(b);
        return b;
    };
    longBtn_ = mk(tr("Longs"), tr("Only liquidation levels of long positions"));
    shortBtn_ = mk(tr("Shorts"), tr("Only liquidation levels of short positions"));
    bothBtn_ = mk(tr("Both"), tr("Longs and shorts together"));
    bothBtn_->setChecked(true);
    connect(group, &QButtonGroup::buttonClicked, this, [this](QAbstractButton *b) {
        emit sideRequested(b == longBtn_ ? DensitySide::Long : b == shortBtn_ ? DensitySide::Short : DensitySide::Both);
    });
    h->addSpacing(12);
    h->addWidget(new QLabel(tr("Colour cut-off"), this));
    auto spin = [&](double v, const QString &tip) {
        auto *s = new QDoubleSpinBox(this);
        s->setRange(0, 100);
        s->setDecimals(1);
        s->setSingleStep(1);
        s->setSuffix(QStringLiteral(" %"));
        s->setValue(v);
        s->setToolTip(tip);
        s->setKeyboardTracking(false);
        h->addWidget(s);
        return s;
    };
    lowSpin_ = spin(0, tr("Densities below this percentile are drawn darkest"));
    highSpin_ = spin(97, tr("Densities above this percentile are drawn brightest"));
    auto onSpin = [this] { emit cutoffRequested(lowSpin_->value(), highSpin_->value()); };
    connect(lowSpin_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, onSpin);
    connect(highSpin_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, onSpin);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole window"));
    connect(fit, &QToolButton::clicked, this, &HeatmapControls::fitRequested);
    h->addWidget(fit);
}

void HeatmapControls::setTitle(const QString &title) { title_->setFullText(title); }

void HeatmapControls::setSide(DensitySide side) {
    (side == DensitySide::Long ? longBtn_ : side == DensitySide::Short ? shortBtn_ : bothBtn_)->setChecked(true);
}

void HeatmapControls::setCutoff(double lowPct, double highPct) {
    const QSignalBlocker b1(lowSpin_), b2(highSpin_);
    lowSpin_->setValue(lowPct);
    highSpin_->setValue(highPct);
}

double HeatmapControls::lowCutoff() const { return lowSpin_->value(); }
double HeatmapControls::highCutoff() const { return highSpin_->value(); }

}  // namespace lhm::ui
