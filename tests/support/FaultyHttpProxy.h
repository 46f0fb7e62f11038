#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <atomic>
#include <thread>
#include <vector>

namespace lifeboat::test {

// A fault-injecting reverse HTTP proxy for tests, in front of a local S3 server: each request is read
// whole and, unless a fault rule matches its request line, forwarded (one request per connection) and
// the answer passed back. Rules answer 500 or 503 SlowDown, reset the connection, never answer, or
// answer like a bucket without Object Lock, a number of times. It also records every request head
// (request line and headers, as signed and sent). Plain POSIX sockets and its own threads, so it works
// while the test thread blocks.
class FaultyHttpProxy
{
public:
    enum class Fault
    {
        InternalError500,
        SlowDown503,
        ResetConnection,
        ClockSkewed403, // RequestTimeTooSkewed: the server's clock 1200 s ahead of the request's
        Hang,           // no answer at all until the client gives up (closes) or the proxy stops
        // What AWS answers for a bucket created without Object Lock: GetObjectLockConfiguration →
        // 404 ObjectLockConfigurationNotFoundError; an upload with Object Lock headers → 400
        // InvalidRequest "Bucket is missing Object Lock Configuration".
        BucketWithoutObjectLock
    };

    explicit FaultyHttpProxy(int upstreamPort);
    ~FaultyHttpProxy();
    bool start();
    int port() const { return m_port; }

    // Requests whose request line ("PUT /bucket/key?partNumber=2&uploadId=… HTTP/1.1") contains
    // `needle` get `fault`, `times` times (-1 = always).
    void addFault(const QByteArray &needle, Fault fault, int times);
    // Likewise for requests whose head (request line and headers) contains `needle`.
    void addHeadFault(const QByteArray &needle, Fault fault, int times);
    void clearFaults();
    // Every request line seen, in order.
    QList<QByteArray> requestLines() const;
    // Every request head seen (request line and headers, without the body), in order.
    QList<QByteArray> requestHeads() const;
    int faultsInjected() const { return m_injected.load(); }

private:
    struct Rule
    {
        QByteArray needle;
        Fault fault;
        int remaining;
        bool wholeHead = false;
    };
    void acceptLoop();
    void handle(int client);

    int m_upstreamPort;
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_injected{0};
    std::thread m_acceptThread;
    mutable QMutex m_mutex;
    QList<Rule> m_rules;
    QList<QByteArray> m_lines;
    QList<QByteArray> m_heads;
    std::vector<std::thread> m_workers;
};

} // namespace lifeboat::test
