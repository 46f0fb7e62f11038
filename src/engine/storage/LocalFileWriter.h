#pragma once

#include "engine/io/ByteSink.h"

#include <QString>

namespace lifeboat {

// Writes one file atomically: bytes go to a hidden temporary file beside the target
// (".NAME.lifeboat-partial-XXXXXX"), finish() fsyncs it, links it to the final name (never
// replacing an existing file) and fsyncs the folder. abort() or destruction before finish()
// deletes the temporary file.
class LocalFileWriter final : public ByteSink
{
public:
    static Result<std::unique_ptr<LocalFileWriter>> open(const QString &finalPath,
                                                         const QString &describeRoot);
    ~LocalFileWriter() override;

    Status write(const char *data, qint64 size) override;
    Status finish() override;
    void abort() override;

    QString finalPath() const { return m_final; }
    static constexpr const char *kPartialMarker = ".lifeboat-partial-";

private:
    LocalFileWriter(QString finalPath, QString tempPath, int fd, QString root);
    Error ioError(int err, const QString &what) const;

    QString m_final;
    QString m_temp;
    QString m_root;
    int m_fd = -1;
    bool m_done = false;
};

} // namespace lifeboat
