#include "support/WebhookReceiver.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace lifeboat::test {

QJsonObject WebhookReceiver::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::onConnection);
}

WebhookReceiver::~WebhookReceiver()
{
    // Sockets still open would report their disconnection to this half-destroyed object.
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect(this);
}

bool WebhookReceiver::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString WebhookReceiver::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

quint16 WebhookReceiver::closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 9; // discard: nothing listens there either
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void WebhookReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void WebhookReceiver::onData(QTcpSocket *socket)
{
    // A local copy: answering may disconnect the socket at once, which drops its map entry.
    QByteArray buffer = m_buffers.value(socket) + socket->readAll();
    m_buffers.insert(socket, buffer);
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        Request r;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return; // the body is still coming
        r.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        m_buffers.insert(socket, buffer);
        m_requests.append(r);
        const int status = m_script.isEmpty() ? 200 : m_script.takeFirst();
        if (status > 0) {
            const QByteArray reason = status == 200 ? "OK" : "Scripted";
            socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                          "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            socket->disconnectFromHost();
            return; // one request per connection
        }
    }
}

} // namespace lifeboat::test
