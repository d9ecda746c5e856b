// Collection test script (Portman: globals.collectionTestScripts), run after every request,
// fuzzing variations included: no request may answer 5xx, every answer carries the
// correlation id, and an error answer is the error envelope.
pm.test('[' + pm.request.method + '] ' + pm.request.url.getPath() + ' - no 5xx', function () {
  pm.expect(pm.response.code, pm.response.text().slice(0, 500)).to.be.below(500);
});
pm.test('[' + pm.request.method + '] ' + pm.request.url.getPath() + ' - X-Correlation-Id is echoed', function () {
  pm.expect(pm.response.headers.get('X-Correlation-Id')).to.be.a('string').and.not.empty;
});
if (pm.response.code >= 400) {
  pm.test('[' + pm.request.method + '] ' + pm.request.url.getPath() + ' - errors use the error envelope', function () {
    const body = pm.response.json();
    pm.expect(body.success).to.equal(false);
    pm.expect(body.errors).to.be.an('array').that.is.not.empty;
  });
}
