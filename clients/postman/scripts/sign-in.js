// Collection pre-request script (Portman: globals.collectionPreRequestScripts). Before the first
// request of a run it signs in the administrator (environment: adminEmail, adminPassword) and
// registers and signs in a new customer; their access tokens become the collection variables
// bearerToken (the administrator's, sent by every protected request) and customerToken (sent
// instead by the customer's own operations, see portman-config.json).
if (!pm.collectionVariables.get('bearerToken') || !pm.collectionVariables.get('customerToken')) {
  const base = pm.variables.get('baseUrl');
  const post = (path, body, done) => pm.sendRequest({
    url: base + path,
    method: 'POST',
    header: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: { mode: 'raw', raw: JSON.stringify(body) },
  }, (error, response) => {
    if (error) { throw error; }
    done(response);
  });
  const signIn = (email, password, variable) => post('/api/v1/auth/login', { email, password }, (response) => {
    if (response.code !== 200) { throw new Error('sign-in of ' + email + ' answered ' + response.code + ': ' + response.text()); }
    pm.collectionVariables.set(variable, response.json().data.accessToken);
  });
  signIn(pm.variables.get('adminEmail'), pm.variables.get('adminPassword'), 'bearerToken');
  const email = 'newman-' + Date.now() + '-' + Math.floor(Math.random() * 1e6) + '@example.test';
  const password = 'Newman-Passw0rd!' + Math.floor(Math.random() * 1e6);
  pm.collectionVariables.set('customerEmail', email);
  pm.collectionVariables.set('customerPassword', password);
  post('/api/v1/auth/register', { email, password, confirmPassword: password, firstName: 'Newman', lastName: 'Run' }, (response) => {
    if (response.code !== 201) { throw new Error('registration answered ' + response.code + ': ' + response.text()); }
    signIn(email, password, 'customerToken');
  });
}
