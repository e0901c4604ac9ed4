#pragma once
// A one-line label that shortens its text with "…" to the width it is given (the full text in
// the tooltip), so a long message never runs over its neighbours.
#include <QLabel>

namespace lhm::ui {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return full_; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();
    QString full_;
};

}  // namespace lhm::ui
