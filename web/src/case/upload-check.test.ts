import { describe, expect, it } from 'vitest';
import { uploadProblem } from './upload-check.js';

describe('uploadProblem', () => {
  it('accepts PDF, PNG and JPEG up to 10 MB', () => {
    expect(uploadProblem({ name: 'a.pdf', type: 'application/pdf', size: 1000 })).toBeUndefined();
    expect(uploadProblem({ name: 'a.jpg', type: '', size: 1000 })).toBeUndefined();
  });
  it('refuses other types, large and empty files', () => {
    expect(uploadProblem({ name: 'a.docx', type: 'application/msword', size: 10 })).toBe(
      'documents.wrongType',
    );
    expect(uploadProblem({ name: 'a.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 + 1 })).toBe(
      'documents.tooLarge',
    );
    expect(uploadProblem({ name: 'a.png', type: 'image/png', size: 0 })).toBe('documents.empty');
  });
});
