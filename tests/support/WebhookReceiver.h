#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace lifeboat::test {

// A real HTTP/1.1 server for webhook tests on 127.0.0.1 (a free port): parses each request (request
// line, headers, Content-Length body), records it and answers — 200 unless answerNext() scripted
// other statuses (-1 = never answer, so the client times out). Runs on the test thread's event loop
// (QTRY_* macros and QSignalSpy::wait turn it). No Q_OBJECT: lambdas only.
class WebhookReceiver : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;                       // with the query
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QJsonObject json() const;
    };

    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;
    bool start();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path = QStringLiteral("/hook")) const;

    // Statuses for the next requests, in order; then 200 again.
    void answerNext(const QList<int> &statuses) { m_script += statuses; }
    QList<Request> requests() const { return m_requests; }
    int count() const { return int(m_requests.size()); }

    // A port on 127.0.0.1 that nothing listens on (bound, then released).
    static quint16 closedPort();

private:
    void onConnection();
    void onData(class QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<int> m_script;
    QList<Request> m_requests;
};

} // namespace lifeboat::test
