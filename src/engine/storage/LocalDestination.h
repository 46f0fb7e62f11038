#pragma once

#include "engine/storage/Destination.h"

namespace lifeboat {

// A folder on this machine (a local disk, a mounted NAS or USB drive). The folder itself must
// exist — Lifeboat creates only its own subfolders, so an unmounted drive is reported instead of
// silently filling the disk underneath its mount point. Files are 0600, folders 0700.
class LocalDestination final : public Destination
{
public:
    explicit LocalDestination(QString root);

    QString spec() const override { return m_root; }
    QString describe() const override;
    Status checkWritable(qint64 expectedBytes) override;
    qint64 freeBytes() const override;
    Result<std::unique_ptr<ByteSink>> openWriter(const QString &relativePath,
                                                 qint64 expectedBytes = 0) override;
    bool exists(const QString &relativePath) const override;
    Result<std::optional<qint64>> objectSize(const QString &relativePath) const override;
    Result<QByteArray> readSmall(const QString &relativePath) const override;
    Status readInto(const QString &relativePath, ByteSink *sink) const override;
    Status remove(const QString &relativePath) override;
    // Unlinks each file, then fsyncs the folders they were in.
    QList<Status> removeMany(const QStringList &relativePaths) override;
    void removeFolderIfEmpty(const QString &relativeFolder) override;

    QString absolutePath(const QString &relativePath) const;

private:
    Status checkRoot() const;
    QString m_root;
};

} // namespace lifeboat
