#pragma once
// All models side by side on one common grid with linked axes and one colour range, so the same
// colour means the same USD in every panel; zones where the models disagree by more than 5% are
// shaded in each.
#include "common/PlotView.h"
#include "engine/CoreEngine.h"

class QHBoxLayout;
class QLabel;

namespace lhm::ui {

class EmptyStateStack;

class ComparisonPanel;

class ModelComparisonView : public PlotView {
    Q_OBJECT
public:
    explicit ModelComparisonView(QWidget *parent = nullptr);

    // PlotView: draws the session's comparison (asked for only while this view is shown).
    static constexpr char kId[] = "compare";
    QString id() const override { return QLatin1String(kId); }
    QString title() const override { return tr("Model comparison"); }
    RequestKind input() const override { return RequestKind::Comparison; }
    void attach(Session *session) override;
    QWidget *chart() override { return this; }  // the panels with their shared title
    QString exportFileName() const override { return QStringLiteral("model-comparison.png"); }
    void renderNow() override;

    void setComparison(ComparisonPtr cmp);
    const ComparisonPtr &comparison() const { return cmp_; }
    void showEmpty(const QString &title, const QString &hint = {}) override;
    bool isShowingEmpty() const override;
    QString emptyText() const;
    int panelCount() const { return int(panels_.size()); }
    ComparisonPanel *panel(int i) const { return panels_.at(size_t(i)); }
    void applyTheme() override;
    // The title above the panels: what the agreement and the confidence each measure.
    static QString titleText(const ModelComparison &c);
    static QString reasonText(ConfidenceReason r);
    static QString missingText(MissingInput m);

private:
    void linkAxes();

    ComparisonPtr cmp_;
    std::vector<ComparisonPanel *> panels_;
    QWidget *panelHost_ = nullptr;
    QHBoxLayout *panelLayout_ = nullptr;
    EmptyStateStack *stack_ = nullptr;
    QLabel *title_ = nullptr;
    bool syncing_ = false;
};

}  // namespace lhm::ui
