import { useLoad } from '../../components/Loader';
import { useApp } from '../../context';

/** Everyone, for the users and the coach assignment sections. */
export function useUsers() {
  const { api } = useApp();
  return useLoad((signal) => api.users(signal), 'users');
}
