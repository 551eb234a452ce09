// Run by the mongodb-init service with the root user on mongodb-1; safe to run again.
/* global rs, db, sleep, print -- mongosh provides these */
const members = ['mongodb-1:27017', 'mongodb-2:27017', 'mongodb-3:27017'];

try {
  rs.status();
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  // mongodb-1 is preferred as primary, so the wait below on it ends.
  rs.initiate({ _id: 'rs0', members: members.map((host, _id) => ({ _id, host, priority: _id === 0 ? 2 : 1 })) });
}

// Wait for a primary before creating the user; initiation elects one within seconds.
while (!db.hello().isWritablePrimary) sleep(500);

const database = db.getSiblingDB(process.env.MONGODB_DATABASE);
const username = process.env.MONGODB_APP_USERNAME;
if (!database.getUser(username)) {
  database.createUser({
    user: username,
    pwd: process.env.MONGODB_APP_PASSWORD,
    roles: [{ role: 'readWrite', db: process.env.MONGODB_DATABASE }],
  });
}
print(`replica set rs0 ready; user ${username} on ${process.env.MONGODB_DATABASE}`);
