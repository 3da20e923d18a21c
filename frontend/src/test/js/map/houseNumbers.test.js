import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingNumber } from '../../../main/web/js/map/houseNumbers.js';

const hansastrasse = [
  { label: 'Hansastraße 9, 46236 Bottrop' },
  { label: 'Hansastraße 16, 46236 Bottrop' },
  { label: 'Hansastraße 23a, 46236 Bottrop' },
];

test('a house number the street does not have is named, whatever its spelling', () => {
  assert.equal(missingNumber('hansastr 12', hansastrasse), '12');
  assert.equal(missingNumber('Hansastraße, 23 b', hansastrasse), '23b');
});

test('nothing is said when a result has the number, no number was asked or nothing was found', () => {
  assert.equal(missingNumber('hansastr 9', hansastrasse), null);
  assert.equal(missingNumber('hansastr 23 A', hansastrasse), null);
  assert.equal(missingNumber('hansastr', hansastrasse), null);
  assert.equal(missingNumber('hansastr 12', []), null);
  // A geocoder that puts the number first ("9, Hansastraße, Bottrop").
  assert.equal(missingNumber('hansastr 9', [{ label: '9, Hansastraße, Bottrop' }]), null);
});
