import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Annotation, Review } from '../api/types';
import { useApp } from '../context';

export interface CoachingData {
  annotations: Annotation[];
  reviews: Review[];
  loading: boolean;
  error: string | null;
  reload: () => void;
  replaceAnnotation: (annotation: Annotation) => void;
  addAnnotation: (annotation: Annotation) => void;
}

/** Annotations and reviews of a post (author and their coaches may read them). */
export function useCoaching(postId: number, enabled: boolean): CoachingData {
  const { api } = useApp();
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [reviews, setReviews] = useState<Review[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setLoading(true);
    Promise.all([api.annotations(postId, controller.signal), api.reviews(postId, controller.signal)])
      .then(([a, r]) => {
        if (controller.signal.aborted) return;
        setAnnotations(a.items ?? []);
        setReviews(r.items ?? []);
        setError(null);
        setLoading(false);
      })
      .catch((e) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        if (e instanceof ApiError && e.status === 401) return;
        setError(`Could not load the coach’s feedback: ${messageOf(e)}`);
      });
    return () => controller.abort();
  }, [api, postId, enabled, serial]);

  const reload = useCallback(() => setSerial((n) => n + 1), []);
  const replaceAnnotation = useCallback(
    (annotation: Annotation) => setAnnotations((list) => list.map((a) => (a.id === annotation.id ? annotation : a))),
    [],
  );
  const addAnnotation = useCallback(
    (annotation: Annotation) => setAnnotations((list) => [...list, annotation]),
    [],
  );
  return { annotations, reviews, loading, error, reload, replaceAnnotation, addAnnotation };
}
